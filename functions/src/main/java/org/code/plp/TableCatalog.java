package org.code.plp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.applicant.AccessTokens;
import org.code.plp.applicant.DraftItem;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.idempotency.IdempotencyItem;
import org.code.plp.interest.InterestItem;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.regions.RegionItem;
import org.code.plp.review.ReviewerLog;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Every table the functions use, named by the environment variable that carries its name, with
 * the keys and global secondary indexes the code relies on. Item schemas contribute their tagged
 * keys and indexes; tables used only through the low-level client are declared here by hand.
 * The infrastructure tests check each entry against template.yaml, so a new index or table must be
 * declared there too before it can be queried. Add an entry when you add a table or an item schema.
 */
public final class TableCatalog {
    /** A table's primary key and its indexes (name -> [partition key, sort key or null]). */
    public record TableUse(String variable, String partitionKey, String sortKey, Map<String, List<String>> indexes) {
        public static TableUse of(String variable, TableSchema<?> schema) {
            TableMetadata metadata = schema.tableMetadata();
            Map<String, List<String>> indexes = new LinkedHashMap<>();
            for (IndexMetadata index : metadata.indices()) {
                if (!index.name().equals(TableMetadata.primaryIndexName())) {
                    List<String> keys = new ArrayList<>();
                    keys.add(index.partitionKeys().isEmpty() ? null : index.partitionKeys().getFirst().name());
                    keys.add(index.sortKeys().isEmpty() ? null : index.sortKeys().getFirst().name());
                    indexes.put(index.name(), keys);
                }
            }
            return new TableUse(variable, metadata.primaryPartitionKey(), metadata.primarySortKey().orElse(null), indexes);
        }

        public static TableUse keysOnly(String variable, String partitionKey, String sortKey) {
            return new TableUse(variable, partitionKey, sortKey, Map.of());
        }
    }

    public static final List<TableUse> ALL = List.of(
            TableUse.of("REGIONS_TABLE", RegionItem.SCHEMA),
            TableUse.of("APPLICATIONS_TABLE", ApplicationItem.SCHEMA),
            TableUse.of("INTEREST_TABLE", InterestItem.SCHEMA),
            TableUse.of("IDEMPOTENCY_TABLE", IdempotencyItem.SCHEMA),
            TableUse.of("OUTBOX_TABLE", OutboxItem.SCHEMA),
            TableUse.keysOnly("COUNTERS_TABLE", "scope", "key"),
            new TableUse("APPLICATION_LOG_TABLE", "applicationId", "entryId",
                    Map.of(ReviewerLog.BY_ASSIGNEE, List.of("assignee", "at"))),
            TableUse.keysOnly("AUDIT_TABLE", "stream", "entryId"),
            TableUse.of("DRAFTS_TABLE", DraftItem.SCHEMA),
            new TableUse("ACCESS_TOKENS_TABLE", "tokenHash", null,
                    Map.of(AccessTokens.BY_SUBJECT, Arrays.asList("subjectId", null))),
            TableUse.keysOnly("RATE_LIMITS_TABLE", "bucket", null));

    private TableCatalog() {
    }
}
