package shop.podium.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Throttles count in the database: exactly the limit gets through, however many ask at once. */
@SpringBootTest
class ThrottlesTests {

	@Autowired
	Throttles throttles;

	@Test
	void letsExactlyTheLimitThroughWhenManyAskAtOnce() throws Exception {
		String key = "test:" + UUID.randomUUID();
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			attempts.add(() -> this.throttles.attempt(key, 10, Duration.ofMinutes(5)).allowed());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			long allowed = 0;
			for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
				allowed += outcome.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(10);
		}
		finally {
			pool.shutdown();
		}
		Throttles.Verdict refused = this.throttles.attempt(key, 10, Duration.ofMinutes(5));
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
		assertThat(refused.minutesToWait()).isBetween(1L, 5L);
	}

	@Test
	void checksWithoutCountingAndForgets() {
		String key = "test:" + UUID.randomUUID();
		assertThat(this.throttles.check(key, 2).allowed()).isTrue();
		this.throttles.attempt(key, 2, Duration.ofMinutes(5));
		assertThat(this.throttles.check(key, 2).allowed()).isTrue();
		this.throttles.attempt(key, 2, Duration.ofMinutes(5));
		assertThat(this.throttles.check(key, 2).allowed()).isFalse();
		assertThat(this.throttles.check(key, 2).count()).isEqualTo(2);
		this.throttles.forget(key);
		assertThat(this.throttles.check(key, 2).allowed()).isTrue();
	}

	@Test
	void startsAfreshOnceTheWindowEnded() throws Exception {
		String key = "test:" + UUID.randomUUID();
		Instant windowEnd = Instant.now().plus(Duration.ofMillis(300));
		assertThat(this.throttles.attempt(key, 1, Duration.ofMillis(300)).allowed()).isTrue();
		assertThat(this.throttles.attempt(key, 1, Duration.ofMillis(300)).allowed()).isFalse();
		await("the end of the window").atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(windowEnd));
		assertThat(this.throttles.attempt(key, 1, Duration.ofMillis(300)).allowed()).isTrue();
	}

}
