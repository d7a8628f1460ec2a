package org.cosmicstock.stockview.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** How the cache is chosen, and that a wrong choice stops the service at start with a message that says so. */
class StockViewPropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void inMemoryUnlessToldOtherwise() {
        context.run(c -> {
            StockViewProperties properties = c.getBean(StockViewProperties.class);
            assertThat(properties.cache()).isEqualTo("in-memory");
            assertThat(properties.redisSelected()).isFalse();
            assertThat(properties.redis().url()).isEqualTo("redis://127.0.0.1:6379");
            assertThat(properties.redis().keyPrefix()).isEqualTo("stockview:");
        });
    }

    @Test
    void redisWhenSelectedInAnyCase() {
        context.withPropertyValues("cosmicstock.stock-view.cache=Redis")
                .run(c -> assertThat(c.getBean(StockViewProperties.class).redisSelected())
                        .isTrue());
    }

    @Test
    void anUnknownCacheStopsTheStartWithAClearMessage() {
        context.withPropertyValues("cosmicstock.stock-view.cache=memcached")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("cosmicstock.stock-view.cache (COSMICSTOCK_STOCKVIEW_CACHE) must be 'in-memory' or"
                                + " 'redis', was 'memcached'"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StockViewProperties.class)
    static class PropertiesOnly {}
}
