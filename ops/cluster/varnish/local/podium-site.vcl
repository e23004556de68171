# The local cluster (ops/cluster/cluster.sh): HAProxy on loopback, purges from the instances on loopback.
backend haproxy {
	.host = "127.0.0.1";
	.port = "8111";
	.connect_timeout = 1s;
	.first_byte_timeout = 30s;
	.between_bytes_timeout = 10s;
	# healthy while HAProxy has a ready instance to send to
	.probe = {
		.url = "/actuator/health/readiness";
		.interval = 1s;
		.timeout = 1s;
		.window = 3;
		.threshold = 2;
	}
}

acl purgers {
	"127.0.0.1";
	"::1";
}
