package shop.podium.core.privacy;

/**
 * A module's part of a fan's personal data. Each module that keeps data about fans declares one bean of this
 * type, which reads its own tables only; the download gathers every part under its {@link #part()} name.
 */
public interface PersonalData {

	/**
	 * The stable name of this part in the download (e.g. {@code orders}); also the last segment of its heading's
	 * message key, {@code privacy.part.<part>}.
	 */
	String part();

	/**
	 * What this module holds about the person, as plain values (records, lists, maps, strings, numbers, instants)
	 * that the download writes as JSON and as a readable page. Nothing of anyone else.
	 */
	Object of(DataSubject subject);

	/** Where the part comes in the download: the account first, then what the fan did, then the records about it. */
	default int order() {
		return 100;
	}

}
