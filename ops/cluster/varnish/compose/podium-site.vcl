# docker-compose.yml: HAProxy is the service `haproxy`; the app replicas purge from the compose network.
backend haproxy {
	.host = "haproxy";
	.port = "8080";
	.connect_timeout = 1s;
	.first_byte_timeout = 30s;
	.between_bytes_timeout = 10s;
	.probe = {
		.url = "/actuator/health/readiness";
		.interval = 2s;
		.timeout = 1s;
		.window = 3;
		.threshold = 2;
	}
}

acl purgers {
	"localhost";
	"10.0.0.0"/8;
	"172.16.0.0"/12;
	"192.168.0.0"/16;
}
