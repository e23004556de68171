package shop.podium.orders;

import java.security.SecureRandom;

/**
 * Order numbers fans can read out on the phone: "PD-" and eight characters without look-alikes (no 0/O, 1/I).
 * Random, so they reveal nothing about sales volume and cannot be guessed in sequence.
 */
final class OrderNumbers {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private OrderNumbers() {
	}

	static String next() {
		StringBuilder number = new StringBuilder("PD-");
		for (int i = 0; i < 8; i++) {
			number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return number.toString();
	}

}
