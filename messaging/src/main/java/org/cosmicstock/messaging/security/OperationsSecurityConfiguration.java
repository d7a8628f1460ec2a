package org.cosmicstock.messaging.security;

import java.util.List;
import org.cosmicstock.messaging.web.WebApiConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may do what, the same in every service. The actuator (on its own port) answers health,
 * liveness, readiness and Prometheus to anyone, for probes and scraping; health shows its details
 * only to the operator; every other actuator operation, reading or changing, needs the operator's
 * HTTP basic credentials from the environment. The business API on the main port stays open: it is
 * the public API, and what it accepts is bounded by the contract's limits instead.
 */
@AutoConfiguration(
        before = {
            ManagementWebSecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        },
        after = WebApiConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsSecurityConfiguration.class);
    static final String ROLE = "OPS";

    /** The operator, or nobody; never Spring Boot's generated password. */
    @Bean
    UserDetailsService operatorAccounts(OperationsProperties ops) {
        if (!ops.enabled()) {
            LOG.warn(
                    "Operations that need credentials (every actuator endpoint except health and prometheus,"
                            + " e.g. POST /actuator/projection) are disabled: set COSMICSTOCK_OPS_PASSWORD (at least {}"
                            + " characters) and optionally COSMICSTOCK_OPS_USERNAME (default 'ops') to enable them",
                    OperationsProperties.MIN_PASSWORD_LENGTH);
            return new InMemoryUserDetailsManager(List.of());
        }
        LOG.info(
                "Operations that need credentials accept HTTP basic as user '{}' on the management port",
                ops.username());
        UserDetails operator = User.withUsername(ops.username())
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                        .encode(ops.password()))
                .roles(ROLE)
                .build();
        return new InMemoryUserDetailsManager(operator);
    }

    /** Picked up by Spring Security's firewall: a rejected URL is a 400 problem, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(OperationsProperties ops) {
        return new ProblemSecurityHandlers(ops.enabled());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain operationsEndpoints(HttpSecurity http, OperationsProperties ops) throws Exception {
        var handlers = new ProblemSecurityHandlers(ops.enabled());
        return stateless(http)
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "prometheus"))
                        .permitAll()
                        .anyRequest()
                        .hasRole(ROLE))
                .httpBasic(
                        basic -> basic.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(handlers))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain publicApi(HttpSecurity http, OperationsProperties ops) throws Exception {
        var handlers = new ProblemSecurityHandlers(ops.enabled());
        return stateless(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .build();
    }

    /**
     * No sessions, cookies or login pages: every request stands alone. CSRF protection guards
     * cookie-authenticated browsers; these APIs use no cookies, so it would only refuse POSTs.
     */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }
}
