package shop.podium.drops;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param passSecret the key admission passes are signed with: the same on every instance, so any of them accepts a
 * pass another issued. No default: a shop without one refuses to start, so that no production instance signs passes
 * with a key anyone could read here (set {@code PODIUM_DROPS_PASS_SECRET}, 32 characters or more; the
 * {@code dev} profile and the tests set their own)
 * @param queueOpensBefore how long before the start fans may join the waiting room
 * @param admissionsPerTick most fans admitted per region and admission run: the rate that keeps admitted fans' pages
 * fast
 * @param admissionInterval how often admission runs (once across the instances)
 * @param pollEvery how often a waiting page asks again
 * @param queueRequestsPerMinute most waiting-room requests one client may make per minute, on all instances together
 * @param queueRequestsPerClientMinute most waiting-room requests one client address may make per minute, whatever
 * fans it claims to be
 * @param verifyRequestsPerMinute most verification look-ups one client may make per minute
 * @param regionZones the time zone a region's pages give a start in
 */
@ConfigurationProperties("podium.drops")
@Validated
public record DropsProperties(@NotBlank @Size(min = 32) String passSecret,
		@DefaultValue("15m") Duration queueOpensBefore, @DefaultValue("25") int admissionsPerTick,
		@DefaultValue("5s") Duration admissionInterval, @DefaultValue("5s") Duration pollEvery,
		@DefaultValue("120") int queueRequestsPerMinute,
		@DefaultValue("600") int queueRequestsPerClientMinute, @DefaultValue("20") int verifyRequestsPerMinute,
		Map<String, String> regionZones) {

	private static final Map<String, String> ZONES = Map.of("us", "America/New_York", "eu", "Europe/Paris", "gb",
			"Europe/London", "jp", "Asia/Tokyo", "kr", "Asia/Seoul", "au", "Australia/Sydney", "cn", "Asia/Shanghai");

	public DropsProperties {
		regionZones = (regionZones == null || regionZones.isEmpty()) ? ZONES : Map.copyOf(regionZones);
	}

	ZoneId zoneOf(String regionCode) {
		return ZoneId.of(this.regionZones.getOrDefault(regionCode, "UTC"));
	}

	/** Fans admitted per minute, for the estimated wait. */
	double admissionsPerMinute() {
		return this.admissionsPerTick * 60_000.0 / Math.max(1, this.admissionInterval.toMillis());
	}

}
