package org.cosmicstock.stockview.adapters.cache;

import org.cosmicstock.stockview.domain.StockView;

class InMemoryStockViewTest extends StockViewContract {

    @Override
    StockView newView() {
        return new InMemoryStockView();
    }
}
