package shop.podium.seed;

/**
 * A seed directory that cannot be loaded, with the file and line at fault, e.g.
 * {@code catalog-seed/stock.csv line 42: quantity "-3" must be zero or more}. Nothing of the seed has been
 * saved when it is thrown.
 */
public class SeedException extends RuntimeException {

	public SeedException(String message) {
		super(message);
	}

	public SeedException(String message, Throwable cause) {
		super(message, cause);
	}

	static SeedException at(String file, long line, String problem) {
		return new SeedException(file + " line " + line + ": " + problem);
	}

}
