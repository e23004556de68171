package shop.podium.drops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.orders.CheckoutWindows;
import shop.podium.orders.OrderStatus;
import shop.podium.payments.PaymentServiceUnavailable;

/**
 * The drop clock, run once across the instances: closes the checkout of fans whose window is over (their units go
 * back), then admits the next fans in line while units are free, at most a set number per region and run, each
 * holding up to the per-fan limit; then mails the fans who asked to be told a drop opened.
 */
@Component
class Admissions {

	private static final Logger log = LoggerFactory.getLogger(Admissions.class);

	private final DropStore store;

	private final WaitingLine line;

	private final WaitingRoom room;

	private final CheckoutWindows windows;

	private final DropNotices notices;

	private final DropsProperties properties;

	private final TransactionTemplate transactions;

	Admissions(DropStore store, WaitingLine line, WaitingRoom room, CheckoutWindows windows, DropNotices notices,
			DropsProperties properties, TransactionTemplate transactions) {
		this.store = store;
		this.line = line;
		this.room = room;
		this.windows = windows;
		this.notices = notices;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${podium.drops.admission-interval:5s}", initialDelayString = "5s")
	@SchedulerLock(name = "drops-admission", lockAtMostFor = "PT2M")
	void run() {
		Instant now = this.room.now();
		closeWindows(now);
		admit(now);
		this.notices.sendOpened(now);
	}

	/** @return orders whose checkout was closed */
	int closeWindows(Instant now) {
		int closed = 0;
		for (String number : this.line.pendingPast(now)) {
			try {
				Optional<OrderStatus> status = this.windows.close(number);
				if (status.isEmpty() || !status.get().awaitingPayment()) {
					String outcome = status.filter(OrderStatus::paid).isPresent() ? "PAID" : "RELEASED";
					this.transactions.executeWithoutResult(s -> this.line.settle(number, outcome, this.room.now()));
					closed++;
				}
			}
			catch (PaymentServiceUnavailable ex) {
				log.warn("Cannot close drop checkouts now, Stripe unavailable; next run tries again: {}", ex.getMessage());
				break;
			}
		}
		return closed;
	}

	/** @return fans admitted */
	int admit(Instant now) {
		int admitted = 0;
		for (Drop drop : this.store.running(now)) {
			admitted += admit(drop.id(), now);
		}
		return admitted;
	}

	/** Admits the next fans of one drop, in each of its regions. @return fans admitted */
	int admit(long dropId, Instant now) {
		Drop drop = this.store.find(dropId).orElseThrow();
		int admitted = 0;
		for (String region : drop.regions()) {
			Integer count = this.transactions.execute(s -> admit(drop, region, now));
			admitted += (count != null) ? count : 0;
		}
		return admitted;
	}

	private int admit(Drop drop, String region, Instant now) {
		if (now.isBefore(drop.startsAt())
				|| this.store.lock(drop.id()).filter(status -> status == DropStatus.APPROVED).isEmpty()) {
			return 0;
		}
		int free = this.room.stock(drop, region, now).free();
		if (free <= 0) {
			return 0;
		}
		List<WaitingLine.Place> next = this.line.next(drop.id(), region, this.properties.admissionsPerTick());
		int admitted = 0;
		for (WaitingLine.Place place : next) {
			if (free <= 0) {
				break;
			}
			int held = Math.min(drop.perFanLimit(), free);
			this.line.admit(place.id(), now, now.plusSeconds(60L * drop.windowMinutes()), held);
			free -= held;
			admitted++;
		}
		return admitted;
	}

}
