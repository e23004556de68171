package shop.podium.drops;

import java.util.Optional;

/**
 * A drop's life: proposed by its licensee, then approved or rejected by the rights holder; an approved drop may be
 * paused (nobody admitted, nothing sold) and resumed, and ended for good. A pure function, tested without Spring.
 */
public enum DropStatus {

	PROPOSED, APPROVED, REJECTED, PAUSED, ENDED;

	/** What staff may do to a drop. */
	public enum Action {

		APPROVE, REJECT, PAUSE, RESUME, END

	}

	/** The status after the action, or empty when the action does not apply now. */
	public Optional<DropStatus> after(Action action) {
		DropStatus next = switch (action) {
			case APPROVE -> (this == PROPOSED) ? APPROVED : null;
			case REJECT -> (this == PROPOSED) ? REJECTED : null;
			case PAUSE -> (this == APPROVED) ? PAUSED : null;
			case RESUME -> (this == PAUSED) ? APPROVED : null;
			case END -> (this == APPROVED || this == PAUSED) ? ENDED : null;
		};
		return Optional.ofNullable(next);
	}

}
