// The genre's constructions (the project's pattern catalogue), each with the
// entities and relations it must yield and what it must not. Every name here
// is invented; none comes from the example pages.
#include <catch2/catch.hpp>

#include "extract_util.h"

namespace kgb {
namespace {

using testing::Check;
using testing::Row;

TEST_CASE("people and their posts", "[patterns][holds_position]") {
  const Row rows[] = {
      {"江州高新区党工委副书记、管委会主任林致远主持会议。",
       {"official:林致远", "park:江州高新区", "holds_position(林致远,江州高新区)",
        "holds_position(林致远,江州高新区).title=党工委副书记、管委会主任"},
       {"official:主任林致远"}},
      {"江州高新区党工委书记马立新，党工委委员、管委会副主任孙海出席。",
       {"holds_position(马立新,江州高新区)", "holds_position(孙海,江州高新区)"}, {}},
      {"市委常委、云溪经开区党工委书记、白沙镇党委书记赵明参加。",
       {"holds_position(赵明,云溪经开区)", "holds_position(赵明,白沙镇党委)"}, {}},
      {"华创科技有限公司董事长周文斌介绍了企业情况。",
       {"organization:华创科技有限公司", "holds_position(周文斌,华创科技有限公司)",
        "holds_position(周文斌,华创科技有限公司).title=董事长"},
       {}},
      {"江州市第三人民医院建成开放。院长吴涛表示，医院将服务周边群众。",
       {"organization:江州市第三人民医院", "holds_position(吴涛,江州市第三人民医院)"}, {}},
      {"钱峰、卫东、韩立等参加会见。", {"official:钱峰", "official:卫东", "official:韩立"}, {}},
      {"区领导钱峰、卫东、韩立分别参加。", {"official:钱峰", "official:卫东", "official:韩立"}, {}},
      // A member whose surname is rare still counts between list marks.
      {"江州市领导钱峰、訾万平、韩立参加考察。", {"official:钱峰", "official:訾万平", "official:韩立"}, {}},
      {"远望物流集团党委书记、董事长何立一行来访。",
       {"holds_position(何立,远望物流集团)", "organization:远望物流集团"}, {"organization:远望物流集团党委"}},
      {"签约仪式上，周文斌（华创科技有限公司董事长）与林致远握手。",
       {"holds_position(周文斌,华创科技有限公司)", "holds_position(周文斌,华创科技有限公司).title=董事长"}, {}},
      {"王海担任远望物流集团总经理。", {"holds_position(王海,远望物流集团)"}, {}},
      {"会上，青禾客车董事长汤立新介绍了企业情况。", {"organization:青禾客车", "holds_position(汤立新,青禾客车)"}, {}},
      {"随后，林致远一行先后来到江州光谷生物城、长椿路与科学大道交叉口考察。",
       {"visited(林致远,江州光谷生物城)", "visited(林致远,长椿路与科学大道交叉口)", "location:长椿路与科学大道交叉口"},
       {}},
      {"湖滨区委书记陶然，江州市委常委、副市长邵兵出席。",
       {"holds_position(陶然,湖滨区委)", "holds_position(邵兵,江州市委)", "holds_position(邵兵,江州市委).title=常委、副市长"},
       {}},
      {"江州市副市长邵兵出席。", {"official:邵兵", "holds_position(邵兵,江州市人民政府)"}, {"holds_position(邵兵,江州市)"}},
  };
  for (const Row& row : rows) Check(row);
}

// ANNOTATION.md, "Organs behind titles": a title names a post in a body even
// where the body is not written out; the place is the title's own or the one
// the article is set in.
TEST_CASE("organs behind titles", "[patterns][holds_position]") {
  const Row rows[] = {
      {"江州市委副书记、市长林致远会见客商。",
       {"holds_position(林致远,江州市委)", "holds_position(林致远,江州市人民政府)",
        "holds_position(林致远,江州市人民政府).title=市长", "organization:江州市人民政府"},
       {}},
      {"8日，湖滨区召开招商大会。区委书记陶然、区长钱峰出席。区委常委、副区长韩立主持。",
       {"holds_position(陶然,湖滨区委)", "holds_position(钱峰,湖滨区人民政府)", "holds_position(韩立,湖滨区委)",
        "holds_position(韩立,湖滨区人民政府)"},
       {}},
      {"江州市政协主席马立新到白沙镇调研，镇党委书记孙海、镇长卫东陪同。",
       {"holds_position(马立新,江州市政协)", "holds_position(孙海,白沙镇党委)",
        "holds_position(卫东,白沙镇人民政府)"},
       {}},
      {"云溪县人大常委会副主任周文斌出席。", {"holds_position(周文斌,云溪县人大常委会)"}, {}},
      // An autonomous prefecture named short: the organ keeps the short form as an alias.
      {"湘西州委书记林致远出席。", {"holds_position(林致远,湘西土家族苗族自治州委)", "alias:湘西土家族苗族自治州委=湘西州委"}, {}},
      // A verb is no place: 观摩|高新区.
      {"考察团实地观摩高新区产业发展。", {}, {"park:观摩高新区"}},
      // 贵州 is a province, not 贵 + 州.
      {"贵州华创路桥集团有限公司董事长周文斌发言。", {"organization:贵州华创路桥集团有限公司"}, {}},
      // No place of the title's level is named: the organ is left out.
      {"市长钱峰出席。", {"official:钱峰"}, {"organization:市人民政府"}},
      // A department of the committee is not the committee.
      {"市委统战部部长孙海来到江州市调研。", {"official:孙海"}, {"holds_position(孙海,江州市委)"}},
      {"江泽民主席和叶利钦总统举行会谈。总书记强调，要抓好落实。", {}, {"official:和叶利", "official:强调"}},
      {"本报讯 江州高新区召开会议。\n记者 郑小雨 通讯员 冯丹 文/图\n（责任编辑：秦月）",
       {}, {"official:郑小雨", "official:冯丹", "official:秦月"}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("meetings", "[patterns][met_with]") {
  const Row rows[] = {
      {"林致远会见了北京恒远集团副总裁何立一行。",
       {"met_with(林致远,何立)", "holds_position(何立,北京恒远集团)"}, {"official:林致远会"}},
      {"市长许文华、副市长邵兵会见了恒远集团董事长邹刚。",
       {"met_with(许文华,邹刚)", "met_with(邵兵,邹刚)", "holds_position(邹刚,恒远集团)"}, {}},
      {"江州高新区与云溪经开区在江州举行座谈会。", {"met_with(江州高新区,云溪经开区)"}, {}},
      {"江州高新区党工委书记马立新会见了华创科技有限公司董事长周文斌。双方就项目落地进行座谈交流。",
       {"met_with(马立新,周文斌)"}, {}},
      {"5月8日，远望物流集团董事长邹刚拜会江州高新区党工委书记马立新。", {"met_with(邹刚,马立新)"}, {}},
      {"5月8日，湖滨区委书记陶然与华创科技有限公司董事长周文斌举行会谈。",
       {"met_with(陶然,周文斌)"}, {}},
      {"江州高新区党工委书记马立新会见了来访的远望物流集团董事长邹刚一行，双方就项目合作进行洽谈。",
       {"met_with(马立新,邹刚)"}, {}},
      // 接待 with the guest named before a title and 一行.
      {"江州软件园常务副总经理何立等接待了林致远主任一行。", {"met_with(何立,林致远)", "official:林致远"}, {}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("agreements", "[patterns][signed_agreement]") {
  const Row rows[] = {
      {"会上，江州高新区与云溪经开区签订战略合作协议。",
       {"signed_agreement(江州高新区,云溪经开区)", "signed_agreement(江州高新区,云溪经开区).title=战略合作协议"},
       {}},
      {"江州高新区与云溪经开区在江州举行座谈会。两地座谈后，双方现场签约。",
       {"signed_agreement(江州高新区,云溪经开区)", "met_with(江州高新区,云溪经开区)"}, {"organization:双方"}},
      {"江州高新区与华创科技有限公司、远望物流集团分别签约。",
       {"signed_agreement(江州高新区,华创科技有限公司)", "signed_agreement(江州高新区,远望物流集团)"}, {}},
      {"签约仪式上，江州高新区管委会分别与华创科技有限公司、远望物流集团签订投资协议。",
       {"signed_agreement(江州高新区,华创科技有限公司)", "signed_agreement(江州高新区,远望物流集团)",
        "signed_agreement(江州高新区,华创科技有限公司).title=投资协议"},
       {}},
      // X代表Y签约, with Y a bare organ of the place the article is set in.
      {"8日，湖滨区举行招商签约活动。副区长韩立代表区政府分别与华创科技有限公司、远望物流集团签订投资协议。",
       {"signed_agreement(湖滨区人民政府,华创科技有限公司)", "signed_agreement(湖滨区人民政府,远望物流集团)",
        "holds_position(韩立,湖滨区人民政府)"},
       {"organization:区政府"}},
      {"市委市政府高度重视招商工作。", {}, {"organization:市委", "organization:市政府"}},
      // Signing parties are the bodies their representatives stand for.
      {"湖滨区招商签约。韩立代表区政府分别与华创科技有限公司董事长周文斌和远望物流集团董事长何立签订合作协议。",
       {"signed_agreement(湖滨区人民政府,华创科技有限公司)", "signed_agreement(湖滨区人民政府,远望物流集团)"},
       {"signed_agreement(周文斌,远望物流集团)", "signed_agreement(周文斌,何立)"}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("places", "[patterns][located_in]") {
  const Row rows[] = {
      {"江州市第三人民医院项目位于江州高新区科学大道以东。",
       {"project:江州市第三人民医院项目", "located_in(江州市第三人民医院项目,江州高新区)"}, {}},
      {"华创科技有限公司落户江州高新区。", {"located_in(华创科技有限公司,江州高新区)"}, {}},
      {"该公司拟将总部迁至江州。", {}, {"organization:该公司"}},
      {"江州高新区引进华创科技有限公司。", {"located_in(华创科技有限公司,江州高新区)"}, {}},
      {"比亚迪股份有限公司计划在江州高新区投资建设动力电池生产基地项目。",
       {"project:动力电池生产基地项目", "located_in(动力电池生产基地项目,江州高新区)"},
       {"project:江州高新区投资建设动力电池生产基地项目"}},
      {"2023年江州高新区产业发展提速。华创科技有限公司智能终端产品及服务器生产基地项目、远望物流集团总部基地项目落地开工。",
       {"project:华创科技有限公司智能终端产品及服务器生产基地项目",
        "located_in(华创科技有限公司智能终端产品及服务器生产基地项目,江州高新区)",
        "located_in(远望物流集团总部基地项目,江州高新区)"},
       {}},
      // A project named after its zone or county lies there.
      {"江州高新区召开推进会。江州高新区华创智能装备产业园项目开工。", {"located_in(江州高新区华创智能装备产业园项目,江州高新区)"}, {}},
      // A road project "from A to B" keeps both ends in its name.
      {"白沙至云溪快速通道建设工程开工仪式在云溪县举行。", {"project:白沙至云溪快速通道建设工程"},
       {"project:云溪快速通道建设工程"}},
      // ANNOTATION.md, enumerations: every member of the list settles there.
      {"华创科技有限公司、远望物流有限公司、云帆电子有限公司等16家企业与江州众创科技有限公司签约，入驻江州离岸科创园。",
       {"located_in(华创科技有限公司,江州离岸科创园)", "located_in(远望物流有限公司,江州离岸科创园)",
        "located_in(云帆电子有限公司,江州离岸科创园)", "signed_agreement(华创科技有限公司,江州众创科技有限公司)"},
       {"located_in(江州众创科技有限公司,江州离岸科创园)"}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("visits", "[patterns][visited]") {
  const Row rows[] = {
      {"林致远一行走进华创科技有限公司生产车间。", {"visited(林致远,华创科技有限公司)"}, {}},
      {"江州高新区党工委书记林致远带队调研。随后，一行人先后来到江州软件园、远望物流集团考察。",
       {"visited(林致远,江州软件园)", "visited(林致远,远望物流集团)", "park:江州软件园"}, {}},
      {"江州高新区召开大会。云溪经开区考察团一行莅临我区考察。", {"visited(云溪经开区,江州高新区)"}, {}},
      {"孙海带队深入华创科技、远望物流等企业检查安全生产。",
       {"visited(孙海,华创科技)", "visited(孙海,远望物流)", "organization:华创科技"}, {}},
      {"6月5日，副省长周建国到江州高新区调研。周建国一行先后来到华创科技有限公司、江州光谷生物城。"
       "在江州高新区规划馆，周建国听取了汇报。",
       {"visited(周建国,江州高新区)", "visited(周建国,华创科技有限公司)", "visited(周建国,江州光谷生物城)",
        "visited(周建国,江州高新区规划馆)"},
       {}},
      {"林致远一行来到华创科技有限公司。华创科技有限公司是一家智能装备企业。林致远一行走进公司生产车间。",
       {"visited(林致远,华创科技有限公司)"}, {"organization:公司"}},
      // Routes of suffix-less names: after 先后到, after "考察了 the zone 的",
      // and a body's showroom standing for the body.
      {"林致远一行先后到青禾新材、远望光电等企业进行调研。",
       {"visited(林致远,青禾新材)", "visited(林致远,远望光电)"}, {}},
      {"考察团由林致远带队。考察团先后考察了江州高新区的青禾新材、远望光电等企业。",
       {"visited(林致远,青禾新材)", "visited(林致远,远望光电)"}, {"organization:江州高新区的青禾新材"}},
      {"林致远一行实地考察了华创能源集团展厅、远望光电生产车间。",
       {"visited(林致远,华创能源集团)", "visited(林致远,远望光电)"}, {"organization:华创能源集团展厅"}},
      // Two leaders of one delegation both visit.
      {"区委书记林致远、区长孙海带领考察团赴江州高新区考察。考察团先后考察了华创科技有限公司、远望物流集团。",
       {"visited(林致远,华创科技有限公司)", "visited(孙海,华创科技有限公司)", "visited(孙海,远望物流集团)"}, {}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("names and their variants", "[patterns][names]") {
  const Row rows[] = {
      {"江州高新技术产业开发区（以下简称江州高新区）成立于1991年。江州高新区位于江州市。",
       {"park:江州高新区", "alias:江州高新区=江州高新技术产业开发区"}, {"park:江州高新技术产业开发区"}},
      {"北京恒远控股集团有限公司落户江州高新区。恒远集团董事长邹刚表示满意。",
       {"organization:北京恒远控股集团有限公司", "holds_position(邹刚,北京恒远控股集团有限公司)"},
       {"organization:恒远集团"}},
      {"江州（国家）高新区管委会与江州(国家)高新区企业座谈。", {"park:江州高新区"}, {}},
      {"江州新技术产业开发区（以下简称江州开发区）与华为技术有限公司签约。",
       {"signed_agreement(江州高新区,华为技术有限公司)", "organization:华为技术有限公司",
        "alias:江州高新区=江州开发区", "alias:江州高新区=江州新技术产业开发区"},
       {}},
      {"北京恒远控股集团有限公司落户江州高新区。欢迎恒远控股在江州发展。",
       {"alias:北京恒远控股集团有限公司=恒远控股"}, {}},
      {"江州高新区召开大会。会上，高新区党工委书记马立新讲话。我区将继续推进项目建设。",
       {"holds_position(马立新,江州高新区)"}, {"park:高新区", "park:我区"}},
      // The page's own zone is the one its title names, not the zone the
      // body names most often.
      {"江州高新区：深化区域合作\n本报讯 云溪经开区党工委书记赵明一行来我区考察。云溪经开区与我区签订合作协议。"
       "云溪经开区将加强交流。",
       {"visited(赵明,江州高新区)", "signed_agreement(云溪经开区,江州高新区)"}, {"visited(赵明,云溪经开区)"}},
  };
  for (const Row& r : rows) Check(r);
}

// Left edges of names, with the word layer underneath: a name starts on a
// word, not on the verb or adverb before it, and a verb after a place or a
// person opens the clause.
TEST_CASE("left edges of names", "[patterns][names][words]") {
  const Row rows[] = {
      {"会上，江州市宣布华创智能装备制造基地建设项目开工。",
       {"project:华创智能装备制造基地建设项目"}, {"project:江州市宣布华创智能装备制造基地建设项目"}},
      {"云帆科投资控股有限公司总经理林致远出席。",
       {"organization:云帆科投资控股有限公司", "holds_position(林致远,云帆科投资控股有限公司)"},
       {"organization:控股有限公司"}},
      {"双方将共同搭建园区企业交流平台。", {}, {"park:搭建园区"}},
      {"远望物流集团党委书记、董事长何立一行来访。", {"organization:远望物流集团"}, {"organization:物流集团"}},
      // Person names of three characters whose last one alone would end a name.
      {"华创科技有限公司总经理孙广才出席。", {"official:孙广才"}, {"official:孙广"}},
      {"华创科技有限公司总经理孙德才出席。", {"official:孙德才"}, {"official:孙德"}},
      // Three-character names the words cut short: a stop character glued on, a given name read as one word.
      {"市委副秘书长、改革办副主任况立家率考察组到江州考察。", {"official:况立家"}, {"official:况立"}},
      {"管委会主任谭大都代表区政府签约。", {"official:谭大都"}, {"official:谭大"}},
      {"管委会主任王强为企业解决难题。", {"official:王强"}, {"official:王强为"}},
      // 深入 before another verb opens no route.
      {"要深入梳理可能遇到的问题和困难。", {}, {"organization:问题和困难"}},
      // After a title, a surname that also starts ordinary words (马|立新) before an adverb;
      // 向|来宾 (to the guests) is neither a name nor the city 来宾市.
      {"江州高新区党工委书记马立新亲切会见了华创科技有限公司董事长周文斌一行。",
       {"official:马立新", "met_with(马立新,周文斌)"}, {}},
      {"管委会主任向来宾介绍了园区发展情况。", {}, {"official:向来宾", "location:来宾市"}},
      // Variants of one zone's name on a page are one zone; a group by its brand is one body.
      {"林致远来到青禾工业园区考察。青禾园区党工委书记王立新陪同。", {"park:青禾工业园区", "holds_position(王立新,青禾工业园区)"},
       {"park:青禾园区"}},
      {"华创低碳科技产业园区开工。华创低碳科技产业园占地200亩。", {"park:华创低碳科技产业园区"}, {"park:华创低碳科技产业园"}},
      {"远望企业发展集团董事长张立超出席。远望集团将加大投资。", {"holds_position(张立超,远望企业发展集团)"},
       {"organization:远望集团"}},
      // Ordinary words at a clause start are no names without a title (连忙, 向|记者).
      {"连忙说，向记者介绍了情况。", {}, {"official:连忙", "official:向记者"}},
      // A brand the words split into characters, before a trade word; 领导班子 is no leader list.
      {"区管委会领导班子出席，长丰县鑫达建设有限责任公司董事长王立福参加仪式。",
       {"organization:长丰县鑫达建设有限责任公司", "holds_position(王立福,长丰县鑫达建设有限责任公司)"},
       {"official:班子"}},
      // 深入 before an idiom of policy opens no route.
      {"湖滨区深入贯彻落实中央、省、市关于统筹推进的部署。", {}, {"organization:贯彻落实中央"}},
      // A district with and without its city is one place; its government is one body.
      {"东湖区召开会议。区长吴立同出席。南昌市东湖区政府与华创科技有限公司签约。",
       {"holds_position(吴立同,南昌市东湖区人民政府)", "signed_agreement(南昌市东湖区人民政府,华创科技有限公司)"},
       {"organization:东湖区人民政府"}},
      // A project that will build in a place lies there; one named after a zone lies in it.
      {"江州市宣布华创园艺有限公司智能蔬菜种植基地建设项目计划总投资3亿元，将在白沙镇建设占地700亩的种植基地。",
       {"located_in(华创园艺有限公司智能蔬菜种植基地建设项目,白沙镇)"}, {}},
      {"开工的洛阳高新区青禾湖文旅小镇项目占地约300亩。", {"located_in(洛阳高新区青禾湖文旅小镇项目,洛阳高新区)"}, {}},
      // Posts in a region's organs are not the paper's zone's.
      {"江州高新区召开会议。自治区党委宣传部副部长、工商联党组书记梁立琴一行调研。", {"official:梁立琴"},
       {"holds_position(梁立琴,江州高新区)"}},
      // Hosts who accompany a delegation meet its leader; the delegation's own people do not.
      {"江州市委常委、江州工业园区党工委书记王立翔一行来园区考察。云溪市委常委、云溪新区党工委书记沈立斌,"
       "江州工业园区管委会副主任刘立玫等陪同考察。",
       {"met_with(王立翔,沈立斌)"}, {"met_with(王立翔,刘立玫)"}},
      // A route stop ends before 表示; a scope word before a suffix makes a kind.
      {"沈立斌对王立翔一行莅临宿迁表示欢迎。", {}, {"organization:宿迁表示欢迎"}},
      {"此项目的落地将破题全市园区高质量运营发展。", {}, {"park:破题全市园区", "park:全市园区"}},
      // A county by its bare name where the words read a place; its organs behind titles.
      {"江州市考察组到长丰考察。县人大常委会副主任韩立青陪同。",
       {"location:长丰县", "holds_position(韩立青,长丰县人大常委会)"}, {}},
      {"坚持富民强县，维护和平稳定。", {}, {"location:富民县", "location:和平县"}},
      // 实地 after a stop is no part of it; 高新技术产业园区 is a 高新区.
      {"林致远一行先后到华创科技有限公司、青禾纺织三期实地考察。", {"project:青禾纺织三期"}, {"organization:青禾纺织三期实地"}},
      {"江州高新技术产业园区党工委书记祝立光陪同。", {"park:江州高新区"}, {}},
      // An area of a zone named later without the zone.
      {"中国(江西)自由贸易试验区江南临港片区推介会举行。江南临港片区与华创轮船股份有限公司、远望(香港)有限公司等企业签订了合作协议。",
       {"signed_agreement(中国(江西)自由贸易试验区江南临港片区,华创轮船股份有限公司)",
        "signed_agreement(中国(江西)自由贸易试验区江南临港片区,远望(香港)有限公司)"}, {}},
      {"江州工业总会理事长陈立雄出席。", {"holds_position(陈立雄,江州工业总会)"}, {}},
      // Lists of signers before 与, pairs that sign separately, a group's business unit (事业部).
      {"华创科技有限公司、远望集团江州分公司、江州大学与青禾科创园签署落地协议；江州移动分公司、云峰股份智慧城市事业部与北京华录信息技术股份有限公司签署集群项目。",
       {"signed_agreement(华创科技有限公司,青禾科创园)", "signed_agreement(远望集团江州分公司,青禾科创园)",
        "signed_agreement(江州大学,青禾科创园)", "signed_agreement(江州移动分公司,北京华录信息技术股份有限公司)",
        "signed_agreement(云峰股份智慧城市事业部,北京华录信息技术股份有限公司)"},
       {"signed_agreement(江州大学,江州移动分公司)"}},
      {"华创科技有限公司与远望物流集团、青禾新材有限公司与云帆科技有限公司分别签署合作协议。",
       {"signed_agreement(华创科技有限公司,远望物流集团)", "signed_agreement(青禾新材有限公司,云帆科技有限公司)"},
       {"signed_agreement(华创科技有限公司,青禾新材有限公司)", "signed_agreement(远望物流集团,云帆科技有限公司)"}},
      // The members of a list after "zone的" lie in the zone.
      {"考察团先后考察了江州高新区的华创电气、远望智能等企业。",
       {"located_in(华创电气,江州高新区)", "located_in(远望智能,江州高新区)"}, {}},
      // A project named after its district is there, not in the paper's zone.
      {"江州高新区召开会议。湖滨区华创先进材料产业园项目集中开工。", {"located_in(湖滨区华创先进材料产业园项目,湖滨区)"},
       {"located_in(湖滨区华创先进材料产业园项目,江州高新区)"}},
      {"区委书记杨国利率考察团赴云溪县考察。", {"official:杨国利"}, {"official:杨洪"}},
      // A given name the characters alone would refuse (日), read as one word.
      {"江州市副市长吴日出席。", {"official:吴日", "holds_position(吴日,江州市人民政府)"}, {}},
      {"管委会主任洪金海主持会议。", {"official:洪金海"}, {}},
      // A post held concurrently, marked (兼).
      {"区委书记、江州经开区党工委书记(兼)林致远出席。", {"official:林致远", "holds_position(林致远,江州经开区)"}, {}},
      // A suffix inside a word is no name's end (局 of 副局长).
      {"武汉市商务局副局长孙海出席。", {"holds_position(孙海,武汉市商务局)"}, {"organization:局副局"}},
      // A one-character boundary inside a noun is none (据 of 数据).
      {"武汉市数据局局长孙海出席。", {"holds_position(孙海,武汉市数据局)"}, {}},
      // A place in brackets inside a zone's name.
      {"中国(江西)自由贸易试验区推介会举行。", {"park:中国(江西)自由贸易试验区"}, {"park:江西)自由贸易试验区"}},
      // Compound company titles; the longer title wins before a body.
      {"远望控股有限公司董事会副主席兼行政总裁何立出席。", {"holds_position(何立,远望控股有限公司)"},
       {"organization:董事会副主席兼行政"}},
      {"青禾集团公司副总经理林致远一行来访。", {"official:林致远"}, {"organization:青禾集团公司副"}},
      // Kinds of projects are not names; a short name holds a proper word.
      {"双方将加快推进招商引资项目和双方合作项目。", {}, {"project:招商引资项目", "project:双方合作项目"}},
      {"华创智造项目开工。", {"project:华创智造项目"}, {}},
      // A visit stop that holds a post is a person, not a body.
      {"林致远一行先后走访了远望集团总裁何立、青禾新材等企业。", {"visited(林致远,青禾新材)"},
       {"organization:远望集团总裁何立"}},
      // Pairs of organs are generic; 政府 of a place is its 人民政府.
      {"湖滨区委区政府高度重视。江州市政府出台新政。", {"organization:江州市人民政府"},
       {"organization:湖滨区委区政府", "organization:江州市政府"}},
      // Generic heads: a common noun alone before 局, what follows 各, a verb alone before 园区.
      {"管委会副主任王立新及规划建设国土局负责人陪同调研。", {}, {"organization:国土局"}},
      {"各盟市委、政府要抓好落实。", {}, {"organization:盟市委", "organization:各盟市委"}},
      {"要积极玩转园区经济。", {}, {"park:玩转园区"}},
      {"介绍了创建“四化”园区工作开展情况。", {}, {"park:创建“四化”园区", "park:创建园区"}},
      {"上级决定设立自由贸易示范区。推进东西部经开区结对合作。", {}, {"park:自由贸易示范区", "park:东西部经开区"}},
      {"建设省域副中心城市。", {}, {"organization:省域副中心"}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("guest lists, receptions and members of a zone", "[patterns][met_with][located_in]") {
  const Row rows[] = {
      // A body named by its place and trade holds a verbal noun (投资, 建设).
      {"江州市金融投资集团董事长王建中出席。", {"organization:江州市金融投资集团", "holds_position(王建中,江州市金融投资集团)"}, {}},
      {"江州市建设华创集团。", {"organization:华创集团"}, {"organization:江州市建设华创集团"}},
      // A chain of posts before a title is no body.
      {"董事会副主席兼行政总裁赵明远出席。", {"official:赵明远"}, {"organization:董事会副主席兼行政"}},
      // Guests listed by the sentence after the meeting.
      {"区委书记林致远先后会见了多批企业客人。包括:华创科技有限公司董事长王建中一行,远望集团总经理赵明远一行。",
       {"met_with(林致远,王建中)", "met_with(林致远,赵明远)"}, {}},
      // A county-level city's short form read as a place word opens a zone's name.
      {"华创集团副总经理周明远一行拜访考察启东沿海经济区。", {"park:启东沿海经济区", "visited(周明远,启东沿海经济区)"},
       {"met_with(周明远,启东沿海经济区)"}},
      // Hosts who receive a delegation meet its leader; a clause with no one named is no guest.
      {"华创集团副总经理周明远一行考察江州高新区。江州高新区党工委书记吕海涛,管委会副主任王立国参加接待并座谈交流,"
       "华创公司相关人员参加座谈。",
       {"met_with(周明远,吕海涛)", "met_with(周明远,王立国)"}, {"met_with(王立国,华创公司)"}},
      // Members of a list said to be inside the zone lie in it.
      {"江州高新区党工委书记吕海涛陪同考察。考察组一行参观了华创科技、远望新材等区内龙头企业。",
       {"located_in(华创科技,江州高新区)", "located_in(远望新材,江州高新区)"}, {}},
      // A verb after a body opens the clause.
      {"华创公司融入江州高新区发展。", {"organization:华创公司"}, {"park:华创公司融入江州高新区"}},
      // A title right after a company's name does not make the name longer.
      {"中国华创国际工程有限公司董事长兼党委书记李海燕出席。",
       {"organization:中国华创国际工程有限公司", "holds_position(李海燕,中国华创国际工程有限公司)"}, {}},
      // A place's own commission, not the national one of that abbreviation.
      {"江西省国资委副主任任立文出席。", {"organization:江西省国资委", "holds_position(任立文,江西省国资委)"},
       {"organization:国务院国有资产监督管理委员会"}},
      {"武汉市招商投资局局长杨立出席。", {"organization:武汉市招商投资局"}, {}},
      // An area of a free trade zone; a district's 片区 is no zone.
      {"中国(江西)自由贸易试验区江南临港片区推介会举行。", {"park:中国(江西)自由贸易试验区江南临港片区"}, {}},
      {"老城片区改造启动。", {}, {"park:老城片区"}},
      {"江州国际贸易促进委员会香港代表处副代表陈晓曦出席。", {"holds_position(陈晓曦,江州国际贸易促进委员会香港代表处)"}, {}},
      // A place's organ in a chain is not the paper's zone; a place inside a chain goes with its title.
      {"省人大常委会党组副书记、副主任张立梨带领调研组来我区调研。", {"official:张立梨"},
       {"holds_position(张立梨,江州高新区)"}},
      {"江州高新区工委副书记、管委会常务副主任、湖滨区区长周立杰陪同调研。",
       {"holds_position(周立杰,江州高新区)", "holds_position(周立杰,湖滨区人民政府)"}, {}},
      // A list of projects and companies: a member with no project suffix is a company.
      {"调研组一行先后到云帆智能汽车项目、金禾新材料、远望玻璃等项目建设工地和企业进行调研。",
       {"organization:金禾新材料", "organization:远望玻璃", "project:云帆智能汽车项目"}, {"project:远望玻璃"}},
      // A verb or a conjunction before a place opens a project's name.
      {"集中开工活动设湖滨区江州先进材料产业园项目开工现场。", {"project:湖滨区江州先进材料产业园项目"},
       {"project:活动设湖滨区江州先进材料产业园项目"}},
      // Bare 高新区 on a page whose places lie in one city: that city's zone.
      {"为推动郑州发展，金水区区长吕立刚带领考察团深入高新区考察。高新区党工委副书记张立昆陪同考察。",
       {"holds_position(张立昆,郑州高新区)", "visited(吕立刚,郑州高新区)"}, {}},
      // Members of a list of companies and projects, typed by their suffix.
      {"考察团先后考察了江州高新区的华创电气、精工产业园区二期、远望智能等企业和项目。",
       {"organization:华创电气", "project:精工产业园区二期", "organization:远望智能"}, {"organization:精工产业园区二期"}},
      // A member's standing before a name, a picture caption after one.
      {"区委常委、副区长林致远到我会常务副会长单位华创集团走访调研。", {"organization:华创集团", "visited(林致远,华创集团)"},
       {"organization:我会常务副会长单位华创集团"}},
      // One official briefs another.
      {"华创集团董事长张立勤向副区长林致远详细介绍了企业发展历程。", {"met_with(张立勤,林致远)"}, {}},
      // A company's name holds a trade word after a brand (…科技发展有限公司); 及 glued to it by
      // the unknown-word model is not part of it.
      {"考察了江州纺织产业集聚区及华森微电子科技发展有限公司、云奇科技有限公司等。",
       {"organization:华森微电子科技发展有限公司", "organization:云奇科技有限公司"}, {}},
      // Everyone listed before 一行 travels; advisers and 副总 hold posts.
      {"江州市政府顾问吴立章,华森电子实业有限公司副总林立远一行3人到郑州考察。",
       {"visited(吴立章,郑州市)", "visited(林立远,郑州市)", "holds_position(林立远,华森电子实业有限公司)"}, {}},
      // A chain of two posts in a district's organs, the first bare.
      {"江州市湖滨区召开会议。区委副书记、区委政法委书记吕立春参加。", {"holds_position(吕立春,湖滨区委)"}, {}},
  };
  for (const Row& r : rows) Check(r);
}

TEST_CASE("layout and script", "[patterns][layout]") {
  const Row rows[] = {
      {"本报讯 江州高新\n区党工委书记马立新\n会见了华创科技有限公\n司董事长周文斌。",
       {"holds_position(马立新,江州高新区)", "met_with(马立新,周文斌)", "organization:华创科技有限公司"}, {}},
      {"栏目首页-产业园区-特色小镇-公众号\n全国热线:400-002-1668\n江州高新区党工委书记马立新会见华创科技有限公司董事长周文斌。",
       {"met_with(马立新,周文斌)"}, {"park:栏目首页-产业园区", "park:400-002-1668园区"}},
      {"首页 > 新闻中心 > 工作动态\n【字体：大 中 小】\n江州高新区党工委书记马立新会见华创科技有限公司董事长周文斌。\n"
       "版权所有：江州高新区管委会 豫ICP备12345678号",
       {"met_with(马立新,周文斌)"}, {"organization:新闻中心"}},
      {"江州高新區黨工委書記馬立新會見華創科技有限公司董事長周文斌，雙方簽訂合作協議。",
       {"met_with(马立新,周文斌)", "official:马立新", "alias:马立新=馬立新", "park:江州高新区",
        "alias:江州高新区=江州高新區"},
       {"official:馬立新"}},
      // Pinyin readings after characters, as some web copies show them.
      {"江州高新技術產業開發(fā)區(qū)黨工委書記馬立(lì)新會(huì)見華創科技有限公司董事長周文斌。",
       {"met_with(马立新,周文斌)", "official:马立新", "park:江州高新区"}, {"official:马立"}},
  };
  for (const Row& r : rows) Check(r);
}

}  // namespace
}  // namespace kgb
