// The CAMEO walk of data/coder/verbs.tsv (issue 13): every code family of the taxonomy
// (data/cameo/cameo-codes.tsv) is coded from its common verbs, phrasal verbs, idioms and
// inflections (present, past, participle, -ing), one test per root. The sentences are new
// (none is in a gold or held-out set).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixture.h"

namespace dyad::coder {
namespace {

using testing::CodeTriples;
using V = std::vector<std::string>;

// The CAMEO root (first two digits) of each coded event.
V Roots(const std::string& text, const std::string& date = "2021-05-04") {
  V out;
  for (const std::string& t : CodeTriples(text, date)) out.push_back(t.substr(0, t.find(':') + 3));
  return out;
}

TEST(CodeFamilies, StatementsAndComments01) {
  EXPECT_EQ(CodeTriples("Chile reiterated that Peru had no claim.", "2021-05-04"), V{"CHL>PER:010"});
  EXPECT_EQ(CodeTriples("Norway expressed disappointment with Russia.", "2021-05-04"), V{"NOR>RUS:012"});
  EXPECT_EQ(CodeTriples("Ghana voiced optimism about its ties with Togo.", "2021-05-04"), V{"GHA>TGO:013"});
  EXPECT_EQ(CodeTriples("Iran denied any involvement in the attack on Israel.", "2021-05-04"), V{"IRN>ISR:016"});
  EXPECT_EQ(CodeTriples("Japan expressed solidarity with Turkey after the earthquake.", "2021-05-04"), V{"JPN>TUR:018"});
}

TEST(CodeFamilies, Appeals02) {
  EXPECT_EQ(Roots("Ukraine pressed for more help from Poland."), V{"UKR>POL:02"});
  EXPECT_EQ(CodeTriples("Mali requested weapons from Russia.", "2021-05-04"), V{"MLI>RUS:0232"});
  EXPECT_EQ(CodeTriples("Lebanon sought aid from France.", "2021-05-04"), V{"LBN>FRA:023"});
  EXPECT_EQ(CodeTriples("Qatar urged restraint on Israel.", "2021-05-04"), V{"QAT>ISR:0256"});
  EXPECT_EQ(CodeTriples("Turkey requested the extradition of a journalist from Sweden.", "2021-05-04"),
            V{"TUR>SWE:0213"});
}

TEST(CodeFamilies, IntentionsToCooperate03) {
  EXPECT_EQ(CodeTriples("Japan offered investment to Kenya.", "2021-05-04"), V{"JPN>KEN:0311"});
  EXPECT_EQ(CodeTriples("Canada pledged military aid to Ukraine.", "2021-05-04"), V{"CAN>UKR:0332"});
  EXPECT_EQ(CodeTriples("Brazil offered peacekeepers to Haiti.", "2021-05-04"), V{"BRA>HTI:0334"});
  EXPECT_EQ(CodeTriples("Norway proposed talks between Colombia and Venezuela.", "2021-05-04"),
            (V{"NOR>COL:036", "NOR>VEN:036"}));
  // an intention through the infinitive: "threatened to", "vowed to"
  EXPECT_EQ(CodeTriples("Kenya threatened to expel the Somali ambassador.", "2021-05-04"), V{"KEN>SOM:1313"});
}

TEST(CodeFamilies, ConsultationsVisitsAndNegotiation04) {
  EXPECT_EQ(CodeTriples("The Kenyan president paid a state visit to Ethiopia.", "2021-05-04"), V{"KEN>ETH:042"});
  EXPECT_EQ(CodeTriples("Austria and Slovakia exchanged views on migration.", "2021-05-04"),
            (V{"AUT>SVK:040", "SVK>AUT:040"}));
  EXPECT_EQ(CodeTriples("Egypt brokered a truce between Israel and Hamas.", "2021-05-04"), V{"EGY>ISR:045"});
  EXPECT_EQ(CodeTriples("Serbia and Kosovo began talks in Brussels.", "2021-05-04"),
            (V{"SRB>XKX:046", "XKX>SRB:046"}));
  EXPECT_EQ(CodeTriples("Kazakhstan embarked on a tour of the Gulf with a visit to Qatar.", "2021-05-04"),
            V{"KAZ>QAT:042"});
}

TEST(CodeFamilies, DiplomaticCooperation05) {
  EXPECT_EQ(CodeTriples("India and Japan deepened their ties.", "2021-05-04"), (V{"IND>JPN:050", "JPN>IND:050"}));
  EXPECT_EQ(CodeTriples("Italy paid tribute to Albania for its help.", "2021-05-04"), V{"ITA>ALB:051"});
  EXPECT_EQ(CodeTriples("Germany expressed regret to Namibia for the killings.", "2021-05-04"), V{"DEU>NAM:055"});
  EXPECT_EQ(CodeTriples("Peru and Bolivia struck a deal on the lake.", "2021-05-04"),
            (V{"PER>BOL:057", "BOL>PER:057"}));
  EXPECT_EQ(CodeTriples("Mexico and Canada signed a new trade agreement with the United States.", "2021-05-04"),
            (V{"MEX>USA:057", "USA>MEX:057", "CAN>USA:057", "USA>CAN:057"}));
}

TEST(CodeFamilies, MaterialCooperation06) {
  EXPECT_EQ(CodeTriples("Qatar sold gas to Pakistan.", "2021-05-04"), V{"QAT>PAK:061"});
  EXPECT_EQ(CodeTriples("France sold fighter jets to Greece.", "2021-05-04"), V{"FRA>GRC:062"});
  EXPECT_EQ(CodeTriples("Finland and Sweden staged joint drills.", "2021-05-04"),
            (V{"FIN>SWE:062", "SWE>FIN:062"}));
  EXPECT_EQ(CodeTriples("Russia held exercises near Finland.", "2021-05-04"), V{"RUS>FIN:150"});
  EXPECT_EQ(CodeTriples("Chile and Argentina exchanged information on the fires.", "2021-05-04"),
            (V{"CHL>ARG:064", "ARG>CHL:064"}));
}

TEST(CodeFamilies, Aid07) {
  EXPECT_EQ(CodeTriples("Saudi Arabia lent Pakistan three billion dollars.", "2021-05-04"), V{"SAU>PAK:071"});
  EXPECT_EQ(CodeTriples("China wrote off the debts of Cuba.", "2021-05-04"), V{"CHN>CUB:071"});
  EXPECT_EQ(CodeTriples("Poland gave tanks to Ukraine.", "2021-05-04"), V{"POL>UKR:072"});
  EXPECT_EQ(CodeTriples("Turkey airlifted aid to Syria.", "2021-05-04"), V{"TUR>SYR:073"});
  EXPECT_EQ(CodeTriples("Ecuador granted refuge to an Australian activist.", "2021-05-04"), V{"ECU>AUS:075"});
}

TEST(CodeFamilies, Yielding08) {
  EXPECT_EQ(CodeTriples("Israel lifted curbs on Jordan.", "2021-05-04"), V{"ISR>JOR:081"});
  EXPECT_EQ(CodeTriples("Britain returned the looted bronzes to Nigeria.", "2021-05-04"), V{"GBR>NGA:0842"});
  EXPECT_EQ(CodeTriples("The United States waived sanctions on Iraq.", "2021-05-04"), V{"USA>IRQ:085"});
  EXPECT_EQ(CodeTriples("Syrian troops withdrew from Lebanon.", "2005-04-30"), V{"SYR>LBN:0874"});
  // a coordinated subject reopening its common border: each for the other
  EXPECT_EQ(Roots("Tunisia and Algeria reopened their border."), (V{"TUN>DZA:08", "DZA>TUN:08"}));
}

TEST(CodeFamilies, InvestigationAndDemands09And10) {
  EXPECT_EQ(CodeTriples("Argentina launched an investigation into Iran.", "2021-05-04"), V{"ARG>IRN:090"});
  EXPECT_EQ(CodeTriples("Namibia demanded reparations from Germany.", "2021-05-04"), V{"NAM>DEU:1031"});
  EXPECT_EQ(CodeTriples("Mali ordered Danish troops to leave.", "2022-01-25"), V{"MLI>DNK:100"});
  EXPECT_EQ(CodeTriples("Mali ordered the French ambassador to leave.", "2022-01-31"), V{"MLI>FRA:161"});
}

TEST(CodeFamilies, Disapproval11) {
  EXPECT_EQ(CodeTriples("Turkey slammed Greece over the migrants.", "2021-05-04"), V{"TUR>GRC:111"});
  EXPECT_EQ(CodeTriples("Pakistan lambasted India for the strikes.", "2021-05-04"), V{"PAK>IND:111"});
  EXPECT_EQ(CodeTriples("Morocco summoned the German ambassador.", "2021-05-04"), V{"MAR>DEU:114"});
  EXPECT_EQ(CodeTriples("Ukraine filed a case against Russia at the court.", "2021-05-04"), V{"UKR>RUS:115"});
}

TEST(CodeFamilies, RejectionAndThreats12And13) {
  EXPECT_EQ(CodeTriples("Eritrea rebuffed Ethiopia.", "2021-05-04"), V{"ERI>ETH:120"});
  EXPECT_EQ(CodeTriples("Colombia turned down an offer from Venezuela.", "2021-05-04"), V{"COL>VEN:120"});
  EXPECT_EQ(CodeTriples("Iran vowed revenge against Israel.", "2021-05-04"), V{"IRN>ISR:138"});
  EXPECT_EQ(CodeTriples("Russia issued an ultimatum to Ukraine.", "2021-05-04"), V{"RUS>UKR:139"});
}

TEST(CodeFamilies, ForcePostureAndReducedRelations15And16) {
  EXPECT_EQ(CodeTriples("Russia massed troops on the border of Ukraine.", "2021-05-04"), V{"RUS>UKR:154"});
  EXPECT_EQ(CodeTriples("Canada froze the assets of Russian banks.", "2022-03-01"), V{"CAN>RUS:163"});
  EXPECT_EQ(CodeTriples("Britain tightened sanctions on Belarus.", "2021-05-04"), V{"GBR>BLR:163"});
  EXPECT_EQ(CodeTriples("The United States withheld aid from Egypt.", "2021-05-04"), V{"USA>EGY:162"});
  EXPECT_EQ(CodeTriples("Venezuela called off talks with Colombia.", "2021-05-04"), V{"VEN>COL:164"});
  EXPECT_EQ(CodeTriples("Slovakia expelled three Russian embassy staff.", "2021-05-04"), V{"SVK>RUS:161"});
}

TEST(CodeFamilies, Coercion17) {
  EXPECT_EQ(CodeTriples("Iraqi protesters stormed the American embassy.", "2019-12-31"), V{"IRQ>USA:171"});
  EXPECT_EQ(CodeTriples("Russia jailed an American journalist.", "2021-05-04"), V{"RUS>USA:173"});
  EXPECT_EQ(CodeTriples("China revoked the credentials of Australian journalists.", "2021-05-04"), V{"CHN>AUS:172"});
  EXPECT_EQ(CodeTriples("North Korea hacked South Korean banks.", "2021-05-04"), V{"PRK>KOR:176"});
}

TEST(CodeFamilies, AssaultAndForce18To20) {
  EXPECT_EQ(CodeTriples("Azerbaijan launched an offensive against Armenia.", "2021-05-04"), V{"AZE>ARM:190"});
  EXPECT_EQ(CodeTriples("Iran downed an American drone.", "2019-06-20"), V{"IRN>USA:190"});
  EXPECT_EQ(CodeTriples("North Korea fired a missile over Japan.", "2022-10-04"), V{"PRK>JPN:190"});
  EXPECT_EQ(CodeTriples("Israeli jets pounded Gaza.", "2021-05-04"), V{"ISR>PSE:195"});
  EXPECT_EQ(CodeTriples("India accused Pakistan of violating the ceasefire.", "2021-05-04"), V{"IND>PAK:112"});
  EXPECT_EQ(CodeTriples("Pakistani troops violated the ceasefire with India.", "2021-05-04"), V{"PAK>IND:196"});
}

// Irregular inflections of the verbs above (data/coder/verb_forms.tsv).
TEST(CodeFamilies, IrregularForms) {
  EXPECT_EQ(CodeTriples("Britain froze the assets of Syrian officials.", "2021-05-04"), V{"GBR>SYR:163"});
  EXPECT_EQ(CodeTriples("Norway has frozen aid to Tanzania.", "2021-05-04"), V{"NOR>TZA:162"});
  EXPECT_EQ(CodeTriples("Iran's president paid a visit to Iraq.", "2021-05-04"), V{"IRN>IRQ:042"});
  EXPECT_EQ(CodeTriples("Uzbekistan sought help from Russia.", "2021-05-04"), V{"UZB>RUS:023"});
}

}  // namespace
}  // namespace dyad::coder
