package shop.podium.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import java.util.TreeSet;

/**
 * A licence as its holder and the administrators see it.
 *
 * @param minimumGuaranteeMinor the minimum royalty per {@code minimumGuaranteePeriod}, in minor units of
 * {@code minimumGuaranteeCurrency}
 */
public record LicenceSummary(long id, long licenseeId, String reference, LocalDate validFrom, LocalDate validTo,
		boolean suspended, boolean licenseeActive, BigDecimal royaltyRate, long minimumGuaranteeMinor,
		String minimumGuaranteeCurrency, GuaranteePeriod minimumGuaranteePeriod, Set<String> territories, Set<String> categories,
		Set<String> editions, long version) {

	/** How soon before its end a licence is shown as expiring. */
	public static final int WARN_DAYS = 30;

	public LicenceSummary {
		territories = new TreeSet<>(territories);
		categories = new TreeSet<>(categories);
		editions = new TreeSet<>(editions);
	}

	public enum State {
		ACTIVE, EXPIRING, UPCOMING, EXPIRED, SUSPENDED
	}

	public State stateOn(LocalDate day) {
		if (this.suspended || !this.licenseeActive) {
			return State.SUSPENDED;
		}
		if (day.isBefore(this.validFrom)) {
			return State.UPCOMING;
		}
		if (day.isAfter(this.validTo)) {
			return State.EXPIRED;
		}
		return day.plusDays(WARN_DAYS).isAfter(this.validTo) ? State.EXPIRING : State.ACTIVE;
	}

	public boolean inForceOn(LocalDate day) {
		State state = stateOn(day);
		return state == State.ACTIVE || state == State.EXPIRING;
	}

	/** The licence as the rules see it. */
	Licence toLicence() {
		return new Licence(this.id, this.licenseeId, this.licenseeActive, this.validFrom, this.validTo, this.suspended,
				Set.copyOf(this.territories), Set.copyOf(this.categories), Set.copyOf(this.editions));
	}

}
