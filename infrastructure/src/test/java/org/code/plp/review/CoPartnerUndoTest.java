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
        HeldWorkflow.Partnered joint = workflow.partnered(fx, "joint");
        String first = joint.first();
        APIGatewayProxyResponseEvent joined = workflow.decide(joint.second(), Map.of("status", "accepted", "expectedVersion", 2, "coPartner", true));
        assertEquals(200, joined.getStatusCode(), joined.getBody());

        APIGatewayProxyResponseEvent refused = workflow.undo(first, 3);
        assertEquals(409, refused.getStatusCode(), refused.getBody());
        assertTrue(HeldWorkflow.json(refused).get("detail").textValue().contains("co-partner"), refused.getBody());
        assertEquals("accepted", fx.detail(first).get("status").textValue(), "nothing undone");
        RegionItem kept = fx.findRegion(joint.region());
        assertEquals(RegionStatus.PARTNER_SELECTED, kept.getStatus());
        assertEquals(first, kept.getPartnerApplicationId());

        APIGatewayProxyResponseEvent coPartnerUndone = workflow.undo(joint.second(), 3);
        assertEquals(200, coPartnerUndone.getStatusCode(), coPartnerUndone.getBody());
        assertEquals(first, fx.findRegion(joint.region()).getPartnerApplicationId(), "undoing the co-partner keeps the partner");
        APIGatewayProxyResponseEvent partnerUndone = workflow.undo(first, 3);
        assertEquals(200, partnerUndone.getStatusCode(), partnerUndone.getBody());
        RegionItem freed = fx.findRegion(joint.region());
        assertEquals(RegionStatus.SEEKING_PARTNER, freed.getStatus());
        assertNull(freed.getPartnerApplicationId());
    }
}
