package shop.podium;

import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import shop.podium.core.cluster.ClusterProperties;

/**
 * The applications of a test run share one database, yet each stands for a shop of its own: with one lock table
 * they would take each other's job locks (an import ticking in one would refuse another's, a job ticking every
 * minute in one would hold it from one ticking every second in another). The tests' configuration names a lock
 * table per application ({@code podium.cluster.lock-table}); it is made like the shop's once the migrations ran.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Callback.class)
class LockTablePerTestApplication {

	@Bean
	Callback lockTableOfThisApplication(ObjectProvider<ClusterProperties> cluster) {
		return new Callback() {

			@Override
			public boolean supports(Event event, Context context) {
				return event == Event.AFTER_MIGRATE;
			}

			@Override
			public boolean canHandleInTransaction(Event event, Context context) {
				return true;
			}

			@Override
			public void handle(Event event, Context context) {
				ClusterProperties properties = cluster.getIfAvailable();
				if (properties == null || "shedlock".equals(properties.lockTable())) {
					return;
				}
				try (Statement statement = context.getConnection().createStatement()) {
					statement.execute("CREATE TABLE IF NOT EXISTS " + properties.lockTable() + " LIKE shedlock");
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException("Cannot make the lock table " + properties.lockTable(), ex);
				}
			}

			@Override
			public String getCallbackName() {
				return "lockTableOfThisApplication";
			}

		};
	}

}
