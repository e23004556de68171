package shop.podium.drops;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop signs drop admission passes only with a key its operator set: without one, or with one short enough to
 * guess, it refuses to start and says which setting is wrong.
 */
class DropsPropertiesTests {

	private final ApplicationContextRunner shop = new ApplicationContextRunner()
		.withUserConfiguration(WithDropsProperties.class);

	@Test
	void aShopWithoutAPassKeyRefusesToStart() {
		this.shop.run(context -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("podium.drops")
			.hasMessageContaining("passSecret")
			.hasMessageContaining("must not be blank"));
	}

	@Test
	void aShortPassKeyIsRefused() {
		this.shop.withPropertyValues("podium.drops.pass-secret=short")
			.run(context -> assertThat(context).hasFailed());
	}

	@Test
	void aLongPassKeyIsTaken() {
		this.shop.withPropertyValues("podium.drops.pass-secret=" + "k".repeat(32))
			.run(context -> assertThat(context.getBean(DropsProperties.class).passSecret()).hasSize(32));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DropsProperties.class)
	static class WithDropsProperties {

	}

}
