package shop.podium.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the search node that a test can cut and restore: while cut, connections are
 * refused, as they are when a cluster is down.
 */
final class TcpProxy implements AutoCloseable {

	private final URI upstream;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	TcpProxy(URI upstream) throws IOException {
		this.upstream = upstream;
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	synchronized void start() throws IOException {
		if (this.server != null) {
			return;
		}
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = server;
		Thread.ofVirtual().start(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket target = new Socket(this.upstream.getHost(), this.upstream.getPort());
					this.sockets.add(client);
					this.sockets.add(target);
					Thread.ofVirtual().start(() -> pipe(client, target));
					Thread.ofVirtual().start(() -> pipe(target, client));
				}
				catch (IOException ex) {
					// closed by stop()
				}
			}
		});
	}

	synchronized void stop() throws IOException {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	private void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side went away
		}
		finally {
			try {
				from.close();
				to.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
	}

	@Override
	public void close() throws IOException {
		stop();
	}

}
