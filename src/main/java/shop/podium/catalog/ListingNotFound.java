package shop.podium.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such listing, or not one of the signed-in licensee's: to them the two are the same. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ListingNotFound extends RuntimeException {

	ListingNotFound() {
		super("No such listing for this licensee");
	}

}
