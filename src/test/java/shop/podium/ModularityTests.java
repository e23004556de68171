package shop.podium;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The business modules depend on each other only through their public API and without cycles; the
 * module documentation under {@code target/spring-modulith-docs} is written from the same model.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PodiumApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
