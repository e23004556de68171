package shop.podium.core.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Form records are built through their constructor. When a value cannot be converted to a component's type (a date
 * that is not a date, an unknown choice of a select — nothing a page sends, only a forged or mangled request), no
 * form exists (the binding result has no target), and a controller that goes on to check the form or re-render it
 * fails with a server error. Such a request is a bad request instead, answered by {@link BadRequests}.
 * Values that merely break a rule (blank, too long) still reach the controller with a form to re-render.
 */
class UnbuildableForms implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
			List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
			for (HandlerMethodArgumentResolver resolver : adapter.getArgumentResolvers()) {
				resolvers.add((resolver instanceof ModelAttributeMethodProcessor forms) ? new Refusing(forms) : resolver);
			}
			adapter.setArgumentResolvers(resolvers);
		}
		return bean;
	}

	private record Refusing(ModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return this.delegate.supportsParameter(parameter);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
			Object form = this.delegate.resolveArgument(parameter, container, request, binders);
			if (container != null) {
				for (Object value : container.getModel().values()) {
					if (value instanceof BindingResult result && result.getTarget() == null && result.hasErrors()) {
						throw new BindException(result);
					}
				}
			}
			return form;
		}

	}

}
