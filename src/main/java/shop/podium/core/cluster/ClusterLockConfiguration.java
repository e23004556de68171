package shop.podium.core.cluster;

import java.lang.management.ManagementFactory;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock over the shop's database: {@code @SchedulerLock} on scheduled jobs, {@link ClusterLocks} for the
 * rest. Lock times are read from the database's clock, so instances whose clocks differ still agree on them. A
 * lock names the process that took it ({@code pid@host}, not the host alone), so that instances sharing a machine
 * can be told apart in the table.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterLockConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource, ClusterProperties properties) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName(properties.lockTable())
			.usingDbTime()
			.withLockedByValue(ManagementFactory.getRuntimeMXBean().getName())
			.build());
	}

}
