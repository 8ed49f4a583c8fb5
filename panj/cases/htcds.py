"""Coded values of the Human Trafficking Case Data Standard (HTCDS 2.0), with our own labels.

Values are HTCDS's value names exactly (including its spellings), so that exports speak the
standard; labels are short, translatable and ours.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):  # prs_Gender
    FEMININE = "Feminine", _("Female")
    MASCULINE = "Masculine", _("Male")
    TRANSGENDER_FEMININE = "TransgenderFeminine", _("Transgender female")
    TRANSGENDER_MASCULINE = "TransgenderMasculine", _("Transgender male")
    NON_CONFORMING = "NonConforming", _("Gender non-conforming")
    UNKNOWN = "NonSpecifiedUnknown", _("Not specified or unknown")


class TraffickingStatus(models.TextChoices):  # vic_TraffickingStatus
    POSSIBLE = "PossibleVictimOfTrafficking", _("Possible victim")
    ACTUAL = "ActualVictimOfTrafficking", _("Identified victim")
    NOT_A_VICTIM = "NotAVictimOfTrafficking", _("Not a victim of trafficking")


class StatusDecidedBy(models.TextChoices):  # vic_TraffickingStatusDecisionMakingOrg
    POLICE = "Police", _("Police")
    NGO = "NGO", _("NGO")
    COURT = "CourtOrProsecution", _("Court or prosecutor")
    GOVERNMENT = "NonPoliceGovernmentalOrganization", _("Government body (not police)")
    OTHER = "Other", _("Other")


class RelationshipToTrafficker(models.TextChoices):  # vic_RelationshipToTrafficker
    FAMILIAL = "Familial", _("Family member")
    ACQUAINTED = "Acquainted", _("Someone they knew")
    UNACQUAINTED = "Unaquainted", _("A stranger")  # HTCDS's spelling of the value name


class ExploitationType(models.TextChoices):  # vic_TypeOfExploitation
    FORCED_LABOUR = "ForcedLabour", _("Forced labour")
    SEXUAL = "SexualExploitation", _("Sexual exploitation")
    CHILD_LABOUR = "ChildLabour", _("Child labour")
    FORCED_MARRIAGE = "ForcedMarriage", _("Forced marriage")
    SERVITUDE = "Servitude", _("Servitude")
    FORCED_MILITARY = "ForcedMilitaryByNonStateActors", _("Forced recruitment by armed groups")
    ORGAN_REMOVAL = "OrganRemoval", _("Organ removal")
    FORCED_BEGGING = "ForcedBegging", _("Forced begging")
    FORCED_ADOPTION = "ForcedAdoption", _("Forced adoption")
    SURROGACY = "Surrogacy", _("Surrogacy")
    OTHER = "Other", _("Other")


class LabourIndustry(models.TextChoices):  # vic_ForcedLabourIndustry: ISIC rev. 4 sections
    A = "A_AgricultureForestryAndFishing", _("Agriculture, forestry, fishing")
    B = "B_MiningAndQuarrying", _("Mining and quarrying")
    C = "C_Manufacturing", _("Manufacturing")
    D = "D_ElectricityGasSteamAndAirConditioningSupply", _("Electricity and gas supply")
    E = "E_WaterSupplySewerageWasteManagement", _("Water, sewerage and waste")
    F = "F_Construction", _("Construction")
    G = "G_WholesaleAndRetailTradeRepairOfMotorVehicles", _("Trade and vehicle repair")
    H = "H_TransportationAndStorage", _("Transport and storage")
    I = "I_AccommodationAndFoodServiceActivities", _("Hotels, restaurants and food")  # noqa: E741
    J = "J_InformationAndCommunication", _("Information and communication")
    K = "K_FinancialAndInsuranceActivities", _("Finance and insurance")
    L = "L_RealEstateActivities", _("Real estate")
    M = "M_ProfessionalScientificAndTechnicalActivities", _("Professional and technical work")
    N = "N_AdministrativeAndSupportServiceActivities", _("Administrative and support services")
    O = "O_PublicAdministrationAndDefence", _("Public administration")  # noqa: E741
    P = "P_Education", _("Education")
    Q = "Q_HumanHealthAndSocialWorkActivities", _("Health and social work")
    R = "R_ArtsEntertainmentAndRecreation", _("Arts and entertainment")
    S = "S_OtherServiceActivities", _("Other services")
    T = "T_ActivitiesOfHouseholdsAsEmployers", _("Domestic work in households")
    U = "U_ActivitiesOfExtraterritorialOrganizations", _("Extraterritorial organisations")


class SexualExploitationType(models.TextChoices):  # vic_TypeOfSexExploitation
    PROSTITUTION = "Prostitution", _("Prostitution")
    PORNOGRAPHY = "Pornography", _("Pornography")
    REMOTE = "RemoteInteractiveServices", _("Remote interactive services")
    PRIVATE = "PrivateSexualServices", _("Private sexual services")


class RecruitmentMethod(models.TextChoices):  # vic_MethodOfRecruitment
    PLACE_OF_BUSINESS = "AtAPlaceOfBusiness", _("At a place of business")
    EDUCATION = "AtAnEducationalInstitution", _("At a school or college")
    AT_WORK = "AtWork", _("At work")
    SOCIAL_NETWORKS = "ThroughOnlineSocialNetworks", _("Online social networks")
    ONLINE_ADVERT = "ThroughAnOnlineAdvertisement", _("Online advertisement")
    TV_ADVERT = "ThroughATelevisionAdvert", _("Television advertisement")
    NEWSPAPER_ADVERT = "ThroughANewspaperAdvert", _("Newspaper advertisement")
    FAMILY = "ThroughFamilyOrFamilyEvents", _("Family or family events")
    FRIENDS = "ThroughFriendsOrSocialEvents", _("Friends or social events")
    OTHER = "Other", _("Other")


class ControlMethod(models.TextChoices):  # vic_MethodsOfControl
    PHYSICAL_THREATS = "PhysicalThreats", _("Threats of violence")
    THREATS_LAW_ENFORCEMENT = "ThreatsLawEnforcement", _("Threats to call the police")
    THREATENS_FAMILY = "ThreatensChildrenFamily", _("Threats against children or family")
    DEBT_BONDAGE = "DebtBondage", _("Debt bondage")
    FALSE_PROMISES = "FalsePromises", _("False promises")
    PHYSICAL_ABUSE = "PhysicalAbuse", _("Physical abuse")
    SEXUAL_ABUSE = "SexualAbuse", _("Sexual abuse")
    TAKES_EARNINGS = "TakesEarnings", _("Takes earnings")
    RESTRICTS_FINANCES = "RestrictsFinancialAccess", _("Restricts access to money")
    RESTRICTS_MEDICAL = "RestrictsMedicalCare", _("Restricts medical care")
    WITHHOLDS_NECESSITIES = "WithholdsNecessities", _("Withholds food, water or sleep")
    PSYCHOLOGICAL_ABUSE = "PsychologicalAbuse", _("Psychological abuse")
    SUBSTANCES = "PsychoactiveSubstance", _("Forced drug or alcohol use")
    EXCESSIVE_HOURS = "ExcessiveWorkingHours", _("Excessive working hours")
    WITHHOLDS_DOCUMENTS = "WithholdsDocuments", _("Withholds documents")
    OTHER = "Other", _("Other")


class WebsiteOrApp(models.TextChoices):  # vic_RecruitmentWebsitesAndApps and ...Exploitation...
    FACEBOOK = "Facebook", "Facebook"
    INSTAGRAM = "Instagram", "Instagram"
    WHATSAPP = "WhatsApp", "WhatsApp"
    TELEGRAM = "Telegram", "Telegram"
    MESSENGER = "FacebookMessenger", "Facebook Messenger"
    VIBER = "Viber", "Viber"
    SNAPCHAT = "SnapChat", "Snapchat"
    LINE = "Line", "Line"
    FOURSALE = "4Sale", "4Sale"
    WECHAT = "WeChat", "WeChat"
    QQ = "QQ", "QQ"
    QZONE = "QZone", "QZone"
    TIKTOK = "TikTok", "TikTok"
    TWITTER = "Twitter", "Twitter"
    OTHER = "Other", _("Other")


class CaseStatus(models.TextChoices):  # cas_Status
    ACTIVE = "Active", _("Active")
    FOLLOW_UP = "FollowUp", _("Follow-up")
    CLOSED = "Closed", _("Closed")
    CLOSED_REFERRED = "ClosedReferred", _("Closed, referred")


class EventType(models.TextChoices):  # hte_Type
    RECRUITMENT = "Recruitment", _("Recruitment")
    TRANSIT = "Transit", _("Transit")
    EXPLOITATION = "Exploitation", _("Exploitation")


class SupportType(models.TextChoices):  # spl_Type
    EDUCATION = "Education", _("Education")
    FINANCIAL = "Financial", _("Financial")
    HEALTH = "Health", _("Health")
    LABOUR_REHAB = "LabourExploitationRehabilitation", _("Recovery from labour exploitation")
    LEGAL = "Legal", _("Legal")
    LIVELIHOOD = "Livelihood", _("Livelihood")
    RIGHTS_TRAINING = "RightsBasedTraining", _("Rights training")
    SEXUAL_REHAB = "SexualExploitationRehabilitation", _("Recovery from sexual exploitation")
    SOCIAL_CARE = "SocialCare", _("Social care")


class AgeBroad(models.TextChoices):  # CTDC's ageBroad bands, for lists and statistics
    AGE_0_8 = "0--8", "0–8"
    AGE_9_17 = "9--17", "9–17"
    AGE_18_20 = "18--20", "18–20"
    AGE_21_23 = "21--23", "21–23"
    AGE_24_26 = "24--26", "24–26"
    AGE_27_29 = "27--29", "27–29"
    AGE_30_38 = "30--38", "30–38"
    AGE_39_47 = "39--47", "39–47"
    AGE_48_PLUS = "48+", "48+"
    UNKNOWN = "", _("Unknown")

    @classmethod
    def of(cls, age: int | None) -> AgeBroad:
        if age is None or age < 0:
            return cls.UNKNOWN
        for upper, band in (
            (8, cls.AGE_0_8),
            (17, cls.AGE_9_17),
            (20, cls.AGE_18_20),
            (23, cls.AGE_21_23),
            (26, cls.AGE_24_26),
            (29, cls.AGE_27_29),
            (38, cls.AGE_30_38),
            (47, cls.AGE_39_47),
        ):
            if age <= upper:
                return band
        return cls.AGE_48_PLUS
