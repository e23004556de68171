package shop.podium.drops;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A refusal as the reader's language says it. */
@Component
class DropMessages {

	private final MessageSource messages;

	DropMessages(MessageSource messages) {
		this.messages = messages;
	}

	String of(DropRefused refused, Locale locale) {
		return this.messages.getMessage(refused.messageKey(), refused.arguments(), locale);
	}

	String of(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
