package shop.podium.drops;

/** Where a drop stands for the fans of one region, as its pages say it. */
public enum Phase {

	/** Announced; the waiting room is not open yet. */
	UPCOMING,
	/** The waiting room is open; admission starts at the start. */
	QUEUE_OPEN,
	/** Started, units left: fans are admitted. */
	LIVE,
	/** Every unit is paid or held; held units may come back. */
	HELD_OUT,
	/** Every unit is paid: the waiting room is closed. */
	SOLD_OUT,
	/** Paused by the rights holder: nobody is admitted for now. */
	PAUSED,
	/** Ended. */
	ENDED

}
