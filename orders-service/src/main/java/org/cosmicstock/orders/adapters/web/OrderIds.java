package org.cosmicstock.orders.adapters.web;

import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.OrderId;

/**
 * An order id placed over HTTP names the order's URL, {@code /orders/{orderId}}; these characters
 * cannot travel in one path segment through Tomcat and the security firewall (an encoded '/', '\',
 * '%' or ';' is refused as a path-traversal or path-parameter trick, '.' and '..' are normalised
 * away), so an order placed with them could never be read back. Refused here, with the reason.
 */
final class OrderIds {

    private OrderIds() {}

    static OrderId addressable(String field, OrderId id) {
        String orderId = id.value();
        if (orderId.equals(".") || orderId.equals("..")) {
            throw new ContractViolation(field, "must not be '.' or '..': it names the order in /orders/{orderId}");
        }
        for (char c : new char[] {'/', '\\', '%', ';'}) {
            if (orderId.indexOf(c) >= 0) {
                throw new ContractViolation(
                        field, "must not contain '" + c + "': it names the order in the URL /orders/{orderId}");
            }
        }
        return id;
    }
}
