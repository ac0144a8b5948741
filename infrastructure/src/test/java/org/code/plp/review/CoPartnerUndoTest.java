package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;

/**
 * A partner's held acceptance cannot be undone from under a co-partner who joined it (the region would
 * seek a partner while one stands): 409, nothing changed; once the co-partner's acceptance is undone, it can.
 */
class CoPartnerUndoTest {
    private final ReviewFixture fx = new ReviewFixture();
    private final HeldWorkflow workflow = new HeldWorkflow();

    @Test
    void thePartnerIsUndoneOnlyAfterTheCoPartnerWhoJoinedIt() {
        String region = fx.region();
        String first = fx.apply(ReviewFixture.form(region, "Alpha Learning", "Ada", "Alphajoint"));
        String second = fx.apply(ReviewFixture.form(region, "Beta Learning", "Ada", "Betajoint"));
        fx.move(first, "pending", 1);
        fx.move(second, "pending", 1);
        assertEquals(200, workflow.decide(first, Map.of("status", "accepted", "expectedVersion", 2)).getStatusCode());
        APIGatewayProxyResponseEvent joined = workflow.decide(second, Map.of("status", "accepted", "expectedVersion", 2, "coPartner", true));
        assertEquals(200, joined.getStatusCode(), joined.getBody());

        APIGatewayProxyResponseEvent refused = workflow.undo(first, 3);
        assertEquals(409, refused.getStatusCode(), refused.getBody());
        assertTrue(HeldWorkflow.json(refused).get("detail").textValue().contains("co-partner"), refused.getBody());
        assertEquals("accepted", fx.detail(first).get("status").textValue(), "nothing undone");
        RegionItem kept = fx.findRegion(region);
        assertEquals(RegionStatus.PARTNER_SELECTED, kept.getStatus());
        assertEquals(first, kept.getPartnerApplicationId());

        APIGatewayProxyResponseEvent coPartnerUndone = workflow.undo(second, 3);
        assertEquals(200, coPartnerUndone.getStatusCode(), coPartnerUndone.getBody());
        assertEquals(first, fx.findRegion(region).getPartnerApplicationId(), "undoing the co-partner keeps the partner");
        APIGatewayProxyResponseEvent partnerUndone = workflow.undo(first, 3);
        assertEquals(200, partnerUndone.getStatusCode(), partnerUndone.getBody());
        RegionItem freed = fx.findRegion(region);
        assertEquals(RegionStatus.SEEKING_PARTNER, freed.getStatus());
        assertNull(freed.getPartnerApplicationId());
    }
}
