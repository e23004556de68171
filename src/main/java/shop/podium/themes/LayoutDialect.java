package shop.podium.themes;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #layout}: the theme a page wears and links that keep the page while changing the
 * language. An expression object rather than a model attribute, so that every page has it, however it
 * was rendered (a controller, an exception handler, the error page).
 */
class LayoutDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final Themes themes;

	LayoutDialect(Themes themes) {
		super("podium-layout");
		this.themes = themes;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("layout");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return new LayoutExpressions(LayoutDialect.this.themes,
						(context instanceof IWebContext web) ? web.getExchange() : null);
			}

			@Override
			public boolean isCacheable(String name) {
				return false;
			}

		};
	}

}
