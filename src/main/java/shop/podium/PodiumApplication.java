package shop.podium;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PodiumApplication {

	public static void main(String[] args) {
		try {
			SpringApplication application = new SpringApplication(PodiumApplication.class);
			StartupSteps.recordIfAsked(application);
			application.run(args);
		}
		catch (RuntimeException ex) {
			// the failure has been reported; exiting runs the shutdown handlers that stop the embedded
			// servers, whose process threads would otherwise keep the JVM alive
			System.exit(1);
		}
	}

}
