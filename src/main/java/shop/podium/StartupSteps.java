package shop.podium;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * Where an instance's start-up goes, on request: with {@code -Dpodium.startup.steps=N} (or
 * {@code PODIUM_STARTUP_STEPS=N}) Spring records each step of the start (bean creations, configuration parsing,
 * the context refresh) and, once the instance is ready, the log lists the N steps that took longest by their own
 * time (a bean's creation less the creation of the beans it needed), and the time per kind of step. Off by default:
 * recording costs a little memory and time at every start.
 */
final class StartupSteps {

	private static final Log log = LogFactory.getLog(StartupSteps.class);

	private StartupSteps() {
	}

	static void recordIfAsked(SpringApplication application) {
		String asked = System.getProperty("podium.startup.steps", System.getenv("PODIUM_STARTUP_STEPS"));
		if (asked == null || asked.isBlank()) {
			return;
		}
		int shown = Integer.parseInt(asked.trim());
		BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
		application.setApplicationStartup(startup);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> report(startup, shown));
	}

	static void report(BufferingApplicationStartup startup, int shown) {
		List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		Map<Long, Duration> children = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, event.getDuration(), Duration::plus);
			}
		}
		record Step(String name, Duration total, Duration own) {
		}
		List<Step> steps = events.stream()
			.map(event -> new Step(describe(event.getStartupStep()), event.getDuration(),
					event.getDuration().minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO))))
			.toList();
		StringBuilder report = new StringBuilder("Start-up steps by their own time (total with the steps inside):");
		steps.stream()
			.sorted(Comparator.comparing(Step::own).reversed())
			.limit(shown)
			.forEach(step -> report.append(String.format("%n  %6d ms own, %6d ms total  %s", step.own().toMillis(),
					step.total().toMillis(), step.name())));
		report.append(String.format("%nOwn time per kind of step:"));
		events.stream()
			.collect(Collectors.groupingBy(event -> event.getStartupStep().getName(), Collectors.summingLong(
					event -> event.getDuration()
						.minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO))
						.toMillis())))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(shown)
			.forEach(kind -> report.append(String.format("%n  %6d ms  %s", kind.getValue(), kind.getKey())));
		log.info(report);
	}

	private static String describe(StartupStep step) {
		String tags = StreamSupport.stream(step.getTags().spliterator(), false)
			.filter(tag -> tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor"))
			.map(tag -> tag.getValue())
			.collect(Collectors.joining(" "));
		return step.getName() + (tags.isEmpty() ? "" : " " + tags);
	}

}
