package vn.hssk.shared.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hssk.shared.ClientAddress;

/**
 * Records where each request came from for the audit trail. Behind a balancer the server's proxy-address-forwarding
 * setting makes {@code getRemoteAddr} the client's address.
 */
@WebFilter(urlPatterns = "/*")
public class ClientAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        clientAddress.record(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
