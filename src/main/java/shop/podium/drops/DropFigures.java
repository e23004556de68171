package shop.podium.drops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** The admin's live figures of a drop, per region. */
@Component
class DropFigures {

	private final WaitingRoom room;

	private final WaitingLine line;

	DropFigures(WaitingRoom room, WaitingLine line) {
		this.room = room;
		this.line = line;
	}

	/**
	 * @param admittedLastMinute fans admitted in the last minute: the admission rate
	 * @param refused add-to-cart attempts refused for want of a pass (the whole drop)
	 */
	record RegionFigures(String regionCode, Phase phase, long waiting, long admittedLastMinute, WaitingRoom.Stock stock,
			int refused) {
	}

	List<RegionFigures> of(Drop drop) {
		Instant now = this.room.now();
		return drop.regions()
			.stream()
			.map(region -> new RegionFigures(region, this.room.phase(drop, region, now),
					this.line.waiting(drop.id(), region),
					this.line.admittedSince(drop.id(), region, now.minus(Duration.ofMinutes(1))),
					this.room.stock(drop, region, now), drop.refused()))
			.toList();
	}

}
