package org.cosmicstock.stockview.adapters.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cosmicstock.domain.Sku;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.cosmicstock.stockview.service.StockAnswer;
import org.cosmicstock.stockview.service.StockQueries;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The hot path of {@code GET /stock/{sku}} for a view in memory (why it bypasses Spring MVC and Security,
 * measured: docs/adr/0009-stock-view-fast-path.md): a plainly written SKU that the view
 * knows is answered here with its kept JSON, without going through Spring MVC's dispatch (handler
 * lookup, argument and return value handling, content negotiation), which costs more than the
 * answer itself. Everything else (an unknown SKU, one that breaks the limits or is percent-encoded,
 * any other path or method) goes on to {@link StockController}, which answers it, errors included,
 * exactly as before. Runs after the HTTP metrics filter, so these requests are counted like any, and
 * before Spring Security's chain: the query is public, and the chain costs more than the lookup.
 */
public final class StockLookupFilter implements Filter {

    private static final String PREFIX = "/stock/";
    private static final String JSON = "application/json";
    private static final String ROUTE = "/stock/{sku}";

    private final StockQueries queries;
    private final RenderedAnswers rendered;

    public StockLookupFilter(StockQueries queries, RenderedAnswers rendered) {
        this.queries = queries;
        this.rendered = rendered;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        byte[] json = "GET".equals(request.getMethod()) ? lookUp(request.getRequestURI()) : null;
        if (json == null) {
            chain.doFilter(req, res);
            return;
        }
        // What Spring MVC's handler mapping would tell the HTTP metrics: the route, not the raw path.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(ROUTE));
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        // What Spring Security's headers say on every other answer (this one is served before its chain).
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The kept JSON for a path {@code /stock/<sku>} whose SKU needs no decoding and is known, else null. */
    private byte[] lookUp(String uri) {
        if (!uri.startsWith(PREFIX)) {
            return null;
        }
        String sku = uri.substring(PREFIX.length());
        if (sku.indexOf('/') >= 0 || sku.indexOf('%') >= 0 || sku.indexOf(';') >= 0) {
            return null;
        }
        if (!Sku.isValid(sku)) {
            return null; // the controller answers the 400, through the same check
        }
        try {
            Optional<StockAnswer> answer = queries.stock(sku);
            return answer.map(rendered::of).orElse(null);
        } catch (ViewUnavailable e) {
            return null; // the controller answers 503 with Retry-After
        }
    }
}
