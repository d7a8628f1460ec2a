package org.cosmicstock.messaging.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.cosmicstock.schemas.limits.ContractLimits;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What every service's HTTP API shares: the contract's body limit, enforced before anything reads
 * the body (ahead of the security filters too, so no filter ever buffers an oversized body), and
 * problem+json instead of Tomcat's HTML page for the requests Tomcat itself refuses.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebApiConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(ContractLimits.MAX_BODY_BYTES));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Apart, so that the configuration above loads even where Tomcat is not the server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    static class TomcatProblems {

        /** Each service's OpenAPI document, GET /openapi.yaml (static/), as YAML rather than octet-stream. */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> yamlMediaType() {
            return factory ->
                    factory.addContextCustomizers(context -> context.addMimeMapping("yaml", "application/yaml"));
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            // Runs after Boot's own customizer, which may have added a plain ErrorReportValve: replace it.
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
