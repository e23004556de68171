package shop.podium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local cluster's configuration files compile with the very programs that run them: Varnish's
 * ({@code varnishd -C}) for the shared cache, HAProxy's ({@code haproxy -c}) for the load balancer. Where a program is
 * not installed (Debian: {@code varnish varnish-modules haproxy}, which {@code .ci/run} installs) its test is
 * skipped, saying so; on CI a missing program fails instead.
 */
class ClusterConfigurationTests {

	private static final Path VARNISH = Path.of("ops/cluster/varnish");

	private static final Path HAPROXY = Path.of("ops/cluster/haproxy/haproxy.cfg");

	@TempDir
	Path work;

	@Test
	void theSharedCacheConfigurationOfTheLocalClusterCompiles() throws Exception {
		Result compiled = varnishCompile(VARNISH.resolve("local"));
		assertThat(compiled.exit()).as("varnishd -C:\n%s", compiled.output()).isZero();
		// the generated C names what the VCL does
		assertThat(compiled.output()).contains("xkey").contains("vmod");
	}

	@Test
	void theSharedCacheConfigurationOfDockerComposeCompiles() throws Exception {
		// compose's backend is the host `haproxy`, which only Docker's network resolves: compile it pointed here
		Path site = Files.createDirectories(this.work.resolve("compose"));
		Path file = Files.writeString(site.resolve("podium-site.vcl"),
				Files.readString(VARNISH.resolve("compose/podium-site.vcl")).replace("\"haproxy\"", "\"127.0.0.1\""));
		// the VCL compiler runs as Varnish's own unprivileged user
		Files.setPosixFilePermissions(this.work, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		Result compiled = varnishCompile(site);
		assertThat(compiled.exit()).as("varnishd -C:\n%s", compiled.output()).isZero();
	}

	@Test
	void theSharedCacheKeepsOnlyWhatTheShopSharesAndPurgesByKeyFromAllowedAddresses() throws IOException {
		String vcl = Files.readString(VARNISH.resolve("podium.vcl"));
		assertThat(vcl).startsWith("# ").contains("vcl 4.1;").contains("import xkey;");
		assertThat(vcl).contains("client.ip !~ purgers")
			.contains("xkey.purge(req.http.xkey-purge)")
			.contains("xkey.softpurge(req.http.xkey-softpurge)");
		assertThat(vcl).contains("(SESSION|JSESSIONID)=").contains("req.http.Authorization").contains("beresp.grace");
		assertThat(Files.readString(VARNISH.resolve("local/podium-site.vcl"))).contains(".probe")
			.contains("/actuator/health/readiness");
	}

	@Test
	void theLoadBalancerConfigurationIsValid() throws Exception {
		assumeInstalled("haproxy");
		Result checked = run(Map.of("PODIUM_HAPROXY_BIND", "127.0.0.1:8111", "PODIUM_HAPROXY_STATS", "127.0.0.1:8118",
				"PODIUM_APP1", "127.0.0.1:8121", "PODIUM_APP2", "127.0.0.1:8122"), "haproxy", "-c", "-f",
				HAPROXY.toString());
		assertThat(checked.exit()).as("haproxy -c:\n%s", checked.output()).isZero();
		String config = Files.readString(HAPROXY);
		assertThat(config).contains("balance roundrobin")
			.contains("/actuator/health/readiness")
			.contains("option redispatch")
			.doesNotContain("cookie ")
			.doesNotContain("stick ");
	}

	private Result varnishCompile(Path site) throws Exception {
		assumeInstalled("varnishd");
		return run(Map.of(), "varnishd", "-C", "-f", VARNISH.resolve("podium.vcl").toAbsolutePath().toString(), "-p",
				"vcl_path=" + site.toAbsolutePath(), "-n", this.work.resolve("varnish").toString());
	}

	private static void assumeInstalled(String program) {
		boolean installed = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")
			.stream()
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new AssertionError(program + " is not installed; .ci/run installs it (haproxy varnish varnish-modules)");
		}
		assumeTrue(installed, program + " is not installed (Debian: apt-get install haproxy varnish varnish-modules): "
				+ "the cluster configuration is not checked");
	}

	private Result run(Map<String, String> environment, String... command) throws Exception {
		Path output = this.work.resolve("output-" + System.nanoTime());
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private record Result(int exit, String output) {
	}

}
