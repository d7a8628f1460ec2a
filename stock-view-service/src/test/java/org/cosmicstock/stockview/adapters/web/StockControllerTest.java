package org.cosmicstock.stockview.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.Generation;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.cosmicstock.stockview.service.StockQueries;
import org.cosmicstock.stockview.testing.Apply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP answers of CONTRACT.md: JSON shapes, and problem+json for everything that is not a 200. */
@WebMvcTest
@ContextConfiguration(classes = StockControllerTest.Fixture.class)
class StockControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @BeforeEach
    void stock() {
        fixture.down = false;
        fixture.view.rebuild();
        fixture.view.promote();
        apply(new Event.BatchCreated("shipment", "RED-CHAIR", 20, TODAY.plusDays(3)), NOW.minusSeconds(60));
        apply(new Event.BatchCreated("warehouse", "RED-CHAIR", 10, null), NOW.minusSeconds(30));
        apply(new Event.Allocated("order1", "RED-CHAIR", 4, "warehouse"), NOW.minusSeconds(5));
    }

    @Test
    void stockOfASku() throws Exception {
        mvc.perform(get("/stock/RED-CHAIR"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"sku": "RED-CHAIR", "availableNow": 6, "asOf": "2026-03-01T09:59:55Z",
                         "batches": [{"batchRef": "warehouse", "eta": null, "available": 6},
                                     {"batchRef": "shipment", "eta": "2026-03-04", "available": 20}]}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void availabilityOfAQuantity() throws Exception {
        mvc.perform(get("/stock/RED-CHAIR/availability").param("qty", "7"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"sku": "RED-CHAIR", "qty": 7, "canAllocate": true, "eta": "2026-03-04",
                         "batchRef": "shipment", "asOf": "2026-03-01T09:59:55Z"}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void aQuantityNoBatchCanTakeHasNoEta() throws Exception {
        mvc.perform(get("/stock/RED-CHAIR/availability").param("qty", "21"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"sku": "RED-CHAIR", "qty": 21, "canAllocate": false, "eta": null,
                         "batchRef": null, "asOf": "2026-03-01T09:59:55Z"}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownSkuIsA404Problem() throws Exception {
        for (String path : new String[] {"/stock/NOBODY-KNOWS", "/stock/NOBODY-KNOWS/availability?qty=1"}) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.detail").value("No stock known for sku NOBODY-KNOWS"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "99999999999", "", "1000001"})
    void aQuantityThatIsNotAPositiveWholeNumberIsA400Problem(String qty) throws Exception {
        mvc.perform(get("/stock/RED-CHAIR/availability").param("qty", qty))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value("qty"))
                .andExpect(jsonPath("$.detail").value("qty must be a whole number from 1 to 1000000"));
    }

    @Test
    void aMillionUnitsIsAQuantityLikeAnyOther() throws Exception {
        mvc.perform(get("/stock/RED-CHAIR/availability").param("qty", "1000000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.canAllocate").value(false));
    }

    @Test
    void aMissingQuantityIsA400Problem() throws Exception {
        mvc.perform(get("/stock/RED-CHAIR/availability"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("qty"));
    }

    @Test
    void aViewThatCannotBeReachedIsA503ProblemToRetry() throws Exception {
        fixture.down = true;

        mvc.perform(get("/stock/RED-CHAIR"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void theLookupFilterAndTheControllerAnswerAlike() throws Exception {
        MvcResult plain = mvc.perform(get("/stock/RED-CHAIR"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();
        // Percent-encoded, the SKU is left to the controller.
        MvcResult encoded = mvc.perform(get(java.net.URI.create("/stock/RED%2DCHAIR")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();

        assertThat(plain.getHandler())
                .as("answered by the filter, before any handler")
                .isNull();
        assertThat(encoded.getHandler()).as("answered by the controller").isNotNull();
        assertThat(plain.getResponse().getContentAsString())
                .isEqualTo(encoded.getResponse().getContentAsString())
                .contains("\"availableNow\":6");
    }

    @Test
    void theKeptJsonFollowsTheView() throws Exception {
        mvc.perform(get("/stock/RED-CHAIR"))
                .andExpect(jsonPath("$.availableNow").value(6));

        apply(new Event.Allocated("order2", "RED-CHAIR", 5, "warehouse"), NOW);

        mvc.perform(get("/stock/RED-CHAIR"))
                .andExpect(jsonPath("$.availableNow").value(1))
                .andExpect(jsonPath("$.asOf").value("2026-03-01T10:00:00Z"));
    }

    private void apply(Event event, Instant time) {
        Apply.one(fixture.view, 0, fixture.offset++, event, time);
    }

    /** The controller over a view in memory that can be made unreachable, as Redis can be. */
    @Configuration(proxyBeanMethods = false)
    @Import(StockController.class)
    static class Fixture {

        final InMemoryStockView view = new InMemoryStockView();
        volatile boolean down;
        long offset;

        @Bean
        RenderedAnswers renderedAnswers(StockQueries queries, JsonMapper json) {
            return new RenderedAnswers(json, queries.keepsAnswers());
        }

        @Bean
        StockLookupFilter stockLookupFilter(StockQueries queries, RenderedAnswers rendered) {
            return new StockLookupFilter(queries, rendered);
        }

        @Bean
        StockQueries stockQueries() {
            StockView reachable = new StockView() {
                @Override
                public Optional<SkuStock> find(String sku) {
                    if (down) {
                        throw new ViewUnavailable("Redis at 127.0.0.1:6379 is unavailable", null);
                    }
                    return view.find(sku);
                }

                @Override
                public Generation resume() {
                    return view.resume();
                }

                @Override
                public Generation rebuild() {
                    return view.rebuild();
                }

                @Override
                public Generation recover() {
                    return view.recover();
                }

                @Override
                public List<PositionedEvent> apply(List<PositionedEvent> batch) {
                    return view.apply(batch);
                }

                @Override
                public void check() {
                    view.check();
                }

                @Override
                public void promote() {
                    view.promote();
                }

                @Override
                public Map<Integer, Long> positions() {
                    return view.positions();
                }

                @Override
                public boolean keepsSnapshots() {
                    return true;
                }
            };
            return new StockQueries(reachable, Clock.fixed(NOW, ZoneOffset.UTC));
        }
    }
}
