package org.code.plp.regions;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A region (a map pin): a city where Code.org seeks, or has, a Professional Learning Partner. */
public final class RegionItem {
    public static final String KIND = "region";
    public static final String BY_KIND = "byKind";

    /** Built once, by hand: no bean reflection at cold start. */
    public static final TableSchema<RegionItem> SCHEMA = StaticTableSchema.builder(RegionItem.class)
            .newItemSupplier(RegionItem::new)
            .addAttribute(String.class, a -> a.name("regionId").getter(RegionItem::getRegionId).setter(RegionItem::setRegionId)
                    .tags(primaryPartitionKey(), secondarySortKey(BY_KIND)))
            .addAttribute(String.class, a -> a.name("kind").getter(RegionItem::getKind).setter(RegionItem::setKind)
                    .tags(secondaryPartitionKey(BY_KIND)))
            .addAttribute(String.class, a -> a.name("name").getter(RegionItem::getName).setter(RegionItem::setName))
            .addAttribute(String.class, a -> a.name("city").getter(RegionItem::getCity).setter(RegionItem::setCity))
            .addAttribute(String.class, a -> a.name("state").getter(RegionItem::getState).setter(RegionItem::setState))
            .addAttribute(Double.class, a -> a.name("lat").getter(RegionItem::getLat).setter(RegionItem::setLat))
            .addAttribute(Double.class, a -> a.name("lng").getter(RegionItem::getLng).setter(RegionItem::setLng))
            .addAttribute(String.class, a -> a.name("status").getter(r -> r.getStatus() == null ? null : r.getStatus().wire())
                    .setter((r, s) -> r.setStatus(RegionStatus.fromWire(s).orElse(null))))
            .addAttribute(Long.class, a -> a.name("districts").getter(RegionItem::getDistricts).setter(RegionItem::setDistricts))
            .addAttribute(Long.class, a -> a.name("schools").getter(RegionItem::getSchools).setter(RegionItem::setSchools))
            .addAttribute(Long.class, a -> a.name("teachers").getter(RegionItem::getTeachers).setter(RegionItem::setTeachers))
            .addAttribute(Long.class, a -> a.name("students").getter(RegionItem::getStudents).setter(RegionItem::setStudents))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("programsSought")
                    .getter(RegionItem::getProgramsSought).setter(RegionItem::setProgramsSought))
            .addAttribute(String.class, a -> a.name("summary").getter(RegionItem::getSummary).setter(RegionItem::setSummary))
            .addAttribute(String.class, a -> a.name("description").getter(RegionItem::getDescription).setter(RegionItem::setDescription))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("zipPrefixes")
                    .getter(RegionItem::getZipPrefixes).setter(RegionItem::setZipPrefixes))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(RegionItem::getUpdatedAt).setter(RegionItem::setUpdatedAt))
            .addAttribute(String.class, a -> a.name("partnerApplicationId").getter(RegionItem::getPartnerApplicationId)
                    .setter(RegionItem::setPartnerApplicationId))
            .addAttribute(String.class, a -> a.name("partnerName").getter(RegionItem::getPartnerName).setter(RegionItem::setPartnerName))
            .build();

    private String regionId;
    private String kind = KIND;
    private String name;
    private String city;
    private String state;
    private Double lat;
    private Double lng;
    private RegionStatus status;
    private Long districts;
    private Long schools;
    private Long teachers;
    private Long students;
    private List<String> programsSought;
    private String summary;
    private String description;
    private List<String> zipPrefixes;
    private String updatedAt;
    private String partnerApplicationId;
    private String partnerName;

    /** The accepted application that made this region's partner (co-partners are marked on their applications). */
    public String getPartnerApplicationId() { return partnerApplicationId; }
    public void setPartnerApplicationId(String partnerApplicationId) { this.partnerApplicationId = partnerApplicationId; }
    public String getPartnerName() { return partnerName; }
    public void setPartnerName(String partnerName) { this.partnerName = partnerName; }
    public String getRegionId() { return regionId; }
    public void setRegionId(String regionId) { this.regionId = regionId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public Double getLng() { return lng; }
    public void setLng(Double lng) { this.lng = lng; }
    public RegionStatus getStatus() { return status; }
    public void setStatus(RegionStatus status) { this.status = status; }
    public Long getDistricts() { return districts; }
    public void setDistricts(Long districts) { this.districts = districts; }
    public Long getSchools() { return schools; }
    public void setSchools(Long schools) { this.schools = schools; }
    public Long getTeachers() { return teachers; }
    public void setTeachers(Long teachers) { this.teachers = teachers; }
    public Long getStudents() { return students; }
    public void setStudents(Long students) { this.students = students; }
    public List<String> getProgramsSought() { return programsSought; }
    public void setProgramsSought(List<String> programsSought) { this.programsSought = programsSought; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getZipPrefixes() { return zipPrefixes; }
    public void setZipPrefixes(List<String> zipPrefixes) { this.zipPrefixes = zipPrefixes; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
}
