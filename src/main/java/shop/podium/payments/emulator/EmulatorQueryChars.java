package shop.podium.payments.emulator;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * stripe-java writes list parameters with bare brackets in the query string ({@code created[gte]=…},
 * {@code expand[0]=data.source}), as Stripe's API accepts; Tomcat refuses those by default, so the emulator's
 * list endpoints need them allowed.
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorQueryChars implements TomcatConnectorCustomizer {

	@Override
	public void customize(org.apache.catalina.connector.Connector connector) {
		connector.setProperty("relaxedQueryChars", "[]");
	}

}
