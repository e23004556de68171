package shop.podium.licensing;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's clock. Licences are valid for whole days in the shop's zone, UTC; tests swap in a fixed clock.
 */
@Configuration(proxyBeanMethods = false)
class LicensingConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
