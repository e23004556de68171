package shop.podium.catalog;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the test's own thread prepares, to show that a page costs a fixed number of
 * queries whatever it lists (no N+1). Other modules' tests import it too (the order lists).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	private static volatile Thread counted;

	/** Starts counting the statements of the calling thread from zero. */
	public static void start() {
		statements.clear();
		counted = Thread.currentThread();
	}

	public static int stop() {
		return stopWithStatements().size();
	}

	/** The SQL of each statement prepared since {@link #start()}, in order. */
	public static List<String> stopWithStatements() {
		counted = null;
		return List.copyOf(statements);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource))
						? new CountingDataSource(dataSource) : bean;
			}
		};
	}

	static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (STATEMENT_METHODS.contains(method.getName()) && counted == Thread.currentThread()) {
							statements.add((args != null && args.length > 0) ? String.valueOf(args[0]) : method.getName());
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
