package shop.podium;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance records its start-up steps only when asked, and then says which took longest by their own time: a
 * bean's creation less that of the beans it needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupStepsTests {

	@Test
	void recordsNothingUnlessAsked() {
		SpringApplication application = new SpringApplication(StartupStepsTests.class);
		StartupSteps.recordIfAsked(application);
		assertThat(application.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);

		System.setProperty("podium.startup.steps", "5");
		try {
			SpringApplication asked = new SpringApplication(StartupStepsTests.class);
			StartupSteps.recordIfAsked(asked);
			assertThat(asked.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
		}
		finally {
			System.clearProperty("podium.startup.steps");
		}
	}

	@Test
	void reportsTheLongestStepsByTheirOwnTime(CapturedOutput output) throws Exception {
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100);
		StartupStep outer = startup.start("spring.beans.instantiate").tag("beanName", "outer");
		StartupStep inner = startup.start("spring.beans.instantiate").tag("beanName", "inner");
		lasted(Duration.ofMillis(120));
		inner.end();
		lasted(Duration.ofMillis(20));
		outer.end();

		StartupSteps.report(startup, 2);

		String report = output.getAll();
		assertThat(report).contains("Start-up steps by their own time");
		// the inner bean took the time; the outer one only waited for it
		assertThat(report.indexOf("spring.beans.instantiate inner"))
			.isPositive()
			.isLessThan(report.indexOf("spring.beans.instantiate outer"));
	}

	/** Awaits the moment the steps under way have lasted that much longer. */
	private static void lasted(Duration time) {
		long until = System.nanoTime() + time.toNanos();
		await().pollInterval(Duration.ofMillis(5)).until(() -> System.nanoTime() >= until);
	}

}
