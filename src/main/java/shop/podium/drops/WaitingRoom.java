package shop.podium.drops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting room of a drop in one region: joining (one place per fan), what a waiting fan sees, and the stock
 * figures every page and admission read — all from the database, so any instance answers the same.
 */
@Service
class WaitingRoom {

	private final WaitingLine line;

	private final DropsProperties properties;

	private final Clock clock;

	WaitingRoom(WaitingLine line, DropsProperties properties, ObjectProvider<Clock> clock) {
		this.line = line;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * A region's units now.
	 * @param free units nobody has paid for, ordered or holds
	 * @param held units held by admitted fans (in their window, not yet ordered) or in unpaid orders
	 */
	record Stock(int total, int paid, int held, int free) {

		public boolean soldOut() {
			return this.paid >= this.total;
		}

	}

	Stock stock(Drop drop, String regionCode, Instant now) {
		int total = drop.totalIn(regionCode);
		int paid = this.line.units(drop.id(), regionCode, "PAID");
		int pending = this.line.units(drop.id(), regionCode, "PENDING");
		int holds = this.line.unusedHolds(drop.id(), regionCode, now);
		return new Stock(total, paid, pending + holds, Math.max(0, total - paid - pending - holds));
	}

	Phase phase(Drop drop, String regionCode, Instant now) {
		if (drop.status() == DropStatus.ENDED || drop.status() == DropStatus.REJECTED) {
			return Phase.ENDED;
		}
		if (drop.status() == DropStatus.PAUSED) {
			return Phase.PAUSED;
		}
		if (now.isBefore(drop.startsAt().minus(this.properties.queueOpensBefore()))) {
			return Phase.UPCOMING;
		}
		Stock stock = stock(drop, regionCode, now);
		if (stock.soldOut()) {
			return Phase.SOLD_OUT;
		}
		if (now.isBefore(drop.startsAt())) {
			return Phase.QUEUE_OPEN;
		}
		return (stock.free() > 0) ? Phase.LIVE : Phase.HELD_OUT;
	}

	/**
	 * What a fan in the waiting room sees.
	 * @param position 1 for the next fan admitted; 0 when admitted or not in line
	 * @param estimatedWait at the configured admission rate, if units last
	 */
	record Standing(Drop drop, String regionCode, Phase phase, WaitingLine.Place place, long position, long ahead,
			Duration estimatedWait, Stock stock, long waiting) {

		public boolean admitted() {
			return this.place != null && this.place.admitted();
		}

		public long estimatedMinutes() {
			return Math.max(1, (this.estimatedWait.toSeconds() + 59) / 60);
		}

	}

	/** The fan's standing, joining the line first when the waiting room is open and {@code join} is set. */
	@Transactional
	Standing standing(Drop drop, String regionCode, FanIdentity.Fan fan, boolean join) {
		Instant now = now();
		if (fan.accountKey() != null && fan.guestKey() != null) {
			adopt(fan);
		}
		Phase phase = phase(drop, regionCode, now);
		Optional<WaitingLine.Place> place = this.line.find(drop.id(), fan.key());
		boolean open = phase == Phase.QUEUE_OPEN || phase == Phase.LIVE || phase == Phase.HELD_OUT;
		if (place.isEmpty() && join && open && fan.key() != null) {
			place = Optional.of(this.line.join(drop.id(), regionCode, fan.key(), now, drop.startsAt()));
		}
		// a place belongs to the region the fan joined in; in another region they are not in that line
		place = place.filter(p -> p.regionCode().equals(regionCode));
		long ahead = place.filter(p -> !p.admitted()).map(p -> this.line.ahead(drop.id(), regionCode, p.lineKey())).orElse(0L);
		long position = place.filter(p -> !p.admitted()).map(p -> ahead + 1).orElse(0L);
		Duration wait = Duration.ofSeconds((long) Math.ceil(ahead * 60 / this.properties.admissionsPerMinute()));
		if (now.isBefore(drop.startsAt())) {
			wait = wait.plus(Duration.between(now, drop.startsAt()));
		}
		return new Standing(drop, regionCode, phase, place.orElse(null), position, ahead, wait,
				stock(drop, regionCode, now), this.line.waiting(drop.id(), regionCode));
	}

	/** A fan who signed in keeps the place their guest identity had. */
	void adopt(FanIdentity.Fan fan) {
		try {
			this.line.adopt(fan.guestKey(), fan.accountKey());
		}
		catch (DuplicateKeyException ex) {
			// the account joined the same drop at the same moment: its own place stands
		}
	}

}
