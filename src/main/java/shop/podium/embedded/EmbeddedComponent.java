package shop.podium.embedded;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A component the shop can run itself when it is not configured to use an external one.
 */
interface EmbeddedComponent {

	/** A short name for logs, e.g. "database". */
	String name();

	/** Whether the environment already points at an external instance, in which case nothing starts. */
	boolean isConfigured(ConfigurableEnvironment environment);

	/**
	 * Starts the component (or finds it already running in this JVM) and returns the properties that
	 * point the application at it.
	 */
	Map<String, Object> start(ConfigurableEnvironment environment);

}
