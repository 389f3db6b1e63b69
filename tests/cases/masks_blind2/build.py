#!/usr/bin/env python3
"""Build the masks_blind2 held-out set from inline markup.

Each source text below marks every mask as [[surface|type]].  Running this
script strips the markup, writes NN_<genre>.txt (UTF-8, LF, trailing newline),
labels.jsonl and README.md, and asserts that every label's text equals
content[start:end].  Output is deterministic (byte for byte).

    python build.py          # (re)write all files
    python build.py --check  # verify files on disk match, write nothing
    python build.py --lint   # also list unlabelled x/X/×/*/某 for review
"""

import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ("number", "year", "name", "redaction")
MARK = re.compile(r"\[\[([^\[\]|]+)\|(number|year|name|redaction)\]\]")

SOURCES = []


def add(fname, src):
    SOURCES.append((fname, src))


add(
    "01_env_inspection_rectification.txt",
    r"""
[[××|name]]市关于中央第[[×|number]]生态环境保护督察组反馈意见整改落实情况的报告

市委、市政府：

[[202x|year]]年[[x|number]]月[[x|number]]日，中央生态环境保护督察组向我市反馈督察意见，共指出问题[[××|number]]项，移交信访件217件。市委、市政府高度重视，第一时间成立由市委书记任组长的整改工作领导小组，印发《关于贯彻落实中央生态环境保护督察反馈意见的整改方案》，逐项明确责任单位、责任人和完成时限。截至2024年6月底，已完成整改任务31项，完成率[[xx|number]]%，其余事项均达到序时进度。现将有关情况报告如下。

一、主要整改成效

（一）大气污染治理持续深化。全市完成燃煤锅炉淘汰改造46台，对某些排放不稳定的企业实施“一厂一策”精细化管控。重点行业二氧化硫（SO2）、氮氧化物（NOx）排放量分别下降12.3%和[[×.×|number]]%，PM2.5年均浓度降至[[××|number]]微克/立方米，优良天数比例达到83.6%。

（二）水环境质量稳步改善。针对督察指出的[[××|name]]河流域污染问题，投入资金5.8亿元，新建污水管网128公里，[[××|name]]县、[[xx|name]]区两座污水处理厂完成提标改造。国控断面水质全部达到Ⅲ类及以上，化学需氧量（COD）和氨氮（NH3-N）浓度较2022年分别下降9.6%和7.1%，部分支流水质由Ⅴ类提升至Ⅳ类。

（三）突出问题整治取得实效。督察指出的[[××|name]]化工园区违规堆存固废问题，已清运固体废物[[×.×|number]]万吨，并完成场地土壤污染状况调查；[[某|name]]县非法采砂问题已立案查处[[×|number]]起，追责问责干部23人。对某种“以罚代改”“一关了之”的倾向，我们坚持边督边改、立行立改，防止问题反弹回潮。

二、存在的主要问题

一是个别地方对某个阶段性整改任务认识不足，存在“重进度、轻质量”现象；二是部分企业环保设施运行不稳定，在线监测数据偶有超标；三是环境基础设施仍有短板，农村生活污水治理率仅为[[××|number]]%，与全省平均水平相比仍有差距。

三、下一步工作打算

（一）压实整改责任。对尚未完成的7项任务逐项建立台账，实行清单化、销号式管理，确保[[20××|year]]年底前全部完成。

（二）强化执法监管。用好无人机巡查和卫星遥感手段，依托“[[×××|name]]”智慧监管平台开展非现场执法，全年开展专项执法行动不少于12次。

（三）完善长效机制。修订生态环境保护责任清单，推动编制《[[××|name]]市[[xxxx—xxxx|year]]年生态环境保护规划》，把整改成果转化为制度成果。

特此报告。

中共[[××|name]]市委生态环境保护委员会办公室

[[20××|year]]年[[×|number]]月[[××|number]]日
""",
)

add(
    "02_tax_bureau_summary.txt",
    r"""
国家税务总局[[××|name]]县税务局[[20××|year]]年工作总结

今年以来，[[××|name]]县税务局在市局党委和县委、县政府的坚强领导下，认真学习贯彻党的[[XX|number]]大精神，紧扣“抓好党务、干好税务、带好队伍”工作主线，圆满完成了各项目标任务。现将全年工作总结如下。

一、组织收入质效稳步提升

全年累计组织税费收入[[××.××|number]]亿元，同比增长[[x.x|number]]%，完成市局下达计划的103.6%。其中，税收收入18.47亿元，社会保险费和非税收入[[×.×|number]]亿元。增值税、企业所得税、个人所得税三大税种分别入库[[×.××|number]]亿元、4.12亿元和0.97亿元。我们坚持依法依规组织收入，坚决防止收“过头税费”，对某些行业收入波动较大的情况按月开展分析。

二、税费优惠政策精准落地

全年累计新增减税降费及退税缓费[[×.×|number]]亿元，惠及纳税人缴费人[[×××××|number]]户次。针对部分小微企业对政策理解不透的问题，组建“[[××|name]]税务蓝”政策辅导团队，开展“送政策上门”活动46场。运用税收大数据对享受某一类优惠的纳税人进行精准画像，通过Excel台账逐户核对，确保应享尽享。

三、数电发票推广全面完成

按照上级统一部署，我县于2023年[[×|number]]月[[×|number]]日起全面推行全面数字化的电子发票。数电发票以XML格式文件作为法定数据载体，同时支持PDF和OFD版式下载。办税服务厅设置自助体验区，提供免费WiFi和专人辅导。针对纳税人反映“登录后弹窗无法关闭”的问题，我们制作了图文操作指引，提示点击页面右上角的“X”按钮即可关闭提示窗口，相关咨询量下降近六成。

四、税收征管改革纵深推进

坚持以数治税，全年开展风险应对[[×××|number]]户次，查补税款及滞纳金1260万元。与[[××|name]]银行、[[××|name]]融资担保公司联合开展“银税互动”，累计发放纳税信用贷款[[×.×|number]]亿元，帮助诚信纳税企业解决融资难题。

五、干部队伍建设不断加强

扎实开展主题教育，局党委班子成员带头讲党课[[×|number]]次。[[×××|name]]同志被评为全省税务系统先进个人，[[ＸＸ|name]]税务分局获评市级“巾帼文明岗”。

六、存在问题和明年打算

对照上级要求，我们的工作在某种程度上仍存在短板：一是税源结构单一，对房地产行业依赖度较高；二是个别窗口办税高峰期排队时间较长。明年，我们将重点抓好第[[x|number]]季度所得税汇算清缴辅导，力争全年税费收入增长[[x|number]]%以上，为全县经济社会高质量发展作出新的更大贡献。
""",
)

add(
    "03_statistics_annual.txt",
    r"""
[[××|name]]区统计局[[××××|year]]年度工作年报

[[××××|year]]年，区统计局紧紧围绕区委、区政府中心工作，坚持依法统计、依法治统，统计数据质量和服务水平不断提升。现将年度工作情况报告如下。

一、统计调查任务圆满完成

全年共完成常规统计调查项目[[××|number]]项，审核联网直报企业[[×××|number]]家，“四上”企业数据上报及时率保持100%。顺利完成第五次全国经济普查登记工作，全区共清查法人单位[[××××|number]]个、产业活动单位2386个、个体经营户[[×××××|number]]户，普查数据事后质量抽查差错率控制在0.5%以内。

二、主要经济指标完成情况

地区生产总值：[[×××.×|number]]亿元，同比增长[[x.x|number]]%
规模以上工业增加值增速：6.8%
固定资产投资：[[××|number]]亿元，同比下降[[×.×|number]]%
社会消费品零售总额：[[×××|number]]亿元
城镇居民人均可支配收入：[[××××××|number]]元

以上数据为初步核算数，最终以上级统计部门反馈为准。

三、统计分析服务水平提升

全年撰写各类统计分析报告[[××|number]]篇，其中《关于我区民营经济发展的调研报告》被[[x|name]]日报全文刊发，[[×|number]]篇获区领导肯定性批示。在分析方法上，尝试运用简单线性回归测算工业增加值趋势，拟合方程为y=0.86x+3.2，报告附图中x轴为年份、纵轴为增加值，直观展示了发展走势。同时对某一行业出现的异常波动开展专题核查，及时提出预警建议。

四、统计信息化建设加快推进

完成数据处理平台升级，服务器迁移至国产Linux操作系统，实现企业报表Excel模板一键导入和自动审核。建成统计数据可视化大屏，可按街道、行业、时间等某个维度进行交叉查询。

五、统计执法监督持续加强

开展“双随机、一公开”统计执法检查，抽查企业56家，查处统计违法案件[[×|number]]起，对[[××|name]]街道[[××|name]]有限公司等单位虚报数据问题依法予以处罚并公开曝光。

六、存在问题和下一步打算

当前，基层统计力量薄弱、专业人员流动性大等问题依然存在。下一步，我们将围绕“十五五”规划编制需求，加强重大课题研究，力争在[[20xx|year]]年[[x到x|number]]月完成新一轮统计执法检查全覆盖。
""",
)

add(
    "04_court_work_report.txt",
    r"""
[[××|name]]县人民法院工作报告

——在[[××|name]]县第[[×|number]]届人民代表大会第[[×|number]]次会议上

[[××|name]]县人民法院院长 [[×××|name]]

各位代表：

现在，我代表县人民法院向大会报告工作，请予审议。

过去一年，在县委坚强领导、县人大及其常委会有力监督下，全院干警坚持公正司法、司法为民，各项工作取得新进展。全年共受理各类案件[[××××|number]]件，同比上升4.7%；审结[[××××|number]]件，结案率[[××.×|number]]%，法官人均结案[[×××|number]]件。

一、依法惩治犯罪，维护社会稳定

审结刑事案件[[×××|number]]件，判处罪犯[[×××|number]]人。坚持依法严惩电信网络诈骗犯罪，审理了被告人王[[某某|name]]冒充电商客服诈骗案，该案被告人以“退款理赔”为名，骗取被害人现金2.3万元及一部iPhone X手机，依法判处有期徒刑三年六个月。审结盗窃Xbox游戏机、笔记本电脑等侵财案件31件，有力维护了群众财产安全。对某些初犯、偶犯和未成年人犯罪，落实宽严相济刑事政策，依法适用缓刑。

二、服务保障发展，优化营商环境

审结民商事案件[[××××|number]]件，涉案标的额[[×.×|number]]亿元。稳妥审理[[××|name]]公司破产重整案，盘活土地厂房资产1.6亿元，保住就业岗位[[×××|number]]个。与[[××|name]]银行、县工商联建立金融纠纷诉调对接机制，成功化解某一批次集中到期的借款纠纷。

三、践行司法为民，提升诉讼服务

建成一站式诉讼服务中心，配置X射线安检机和自助立案终端，群众可通过“移动微法院”实现网上立案、在线缴费。全年网上立案率达[[××|number]]%，发放司法救助金[[××|number]]万元。

四、加强队伍建设，锻造过硬铁军

坚持以党建带队建，开展“[[××|name]]法庭”党建品牌创建活动。严格落实防止干预司法“三个规定”，全年记录报告有关事项[[××|number]]件。

各位代表，新的一年，我们将在县委的坚强领导下，自觉接受人大监督，为建设更高水平的平安[[××|name]]作出新的贡献！
""",
)

add(
    "05_civil_affairs_assistance.txt",
    r"""
[[××|name]]县民政局关于[[202×|year]]年社会救助工作情况的汇报

今年以来，县民政局坚持“兜底线、织密网、建机制”，扎实推进社会救助各项工作。现将有关情况汇报如下。

一、基本情况

截至[[×|number]]月底，全县共有城乡低保对象[[××××|number]]户[[××××|number]]人，其中城市低保对象612人；特困供养人员[[×××|number]]人，全年累计发放各类救助资金[[××××.×|number]]万元。城市低保标准由每人每月780元提高到[[×××|number]]元，农村低保标准提高到每人每年7200元，均达到全省平均水平。

二、主要做法

（一）健全动态监测机制。依托低收入人口动态监测平台，将[[×××××|number]]名低收入人口纳入监测范围，每月比对医保、残联、住建等部门数据。各乡镇建立Excel动态管理台账，做到“一户一档、按月更新”。对某些收入不稳定、刚性支出较大的家庭，及时启动预警核查。

（二）提升急难救助时效。全面推行“先行救助”，乡镇（街道）审批额度提高到[[×××|number]]元。全年实施临时救助[[××××|number]]人次。[[xx|name]]镇[[xx|name]]村村民[[某某|name]]因突发重病导致家庭困难，镇民政办在接到求助后[[×|number]]日内完成救助。

（三）打造“[[××|name]]暖心”救助品牌。联合县人民医院为特困供养人员免费开展体检和X光胸片检查，联合爱心企业设立“微心愿”帮扶项目，引导社会组织参与救助服务。

三、存在的问题

一是基层经办力量不足，有的乡镇仅有某位兼职人员负责救助工作，业务能力参差不齐；二是部门间数据共享还不够及时，某种程度上影响了精准识别；三是救助资金来源渠道单一。

四、下一步工作打算

一是推进分层分类救助，将符合条件的困难群众全部纳入保障范围；二是加强基层经办能力建设，每个乡镇至少配备[[×|number]]名专职社会救助工作人员；三是加大政府购买服务力度，力争社会力量参与救助项目达到[[××|number]]个以上。

[[××|name]]县民政局

[[202×|year]]年[[×|number]]月[[×|number]]日

联系人：[[×××|name]]
""",
)

add(
    "06_fire_rescue_summary.txt",
    r"""
[[××|name]]市消防救援支队[[202×|year]]年工作总结

[[202×|year]]年，支队深入学习贯彻[[***|redaction]]总书记重要训词精神，紧紧围绕“防大火、救大灾”目标，全力以赴防风险、保安全、护稳定，全市火灾形势总体平稳。

一、灭火救援实战能力持续提升

全年共接警出动[[××××|number]]起，出动消防车[[×××××|number]]辆次、指战员[[×××××|number]]人次，营救和疏散被困人员[[×××|number]]人，抢救保护财产价值[[×.×|number]]亿元。在应对[[x到x|number]]月持续强降雨过程中，支队启动Ⅲ级应急响应，前置备勤力量[[××|number]]个编队，成功处置城市内涝、山体滑坡等险情137起。

二、火灾防控工作扎实有效

深化高层建筑、大型商业综合体等重点场所消防安全治理，检查单位[[××××|number]]家次，督改隐患[[××××|number]]处，临时查封场所[[××|number]]家。针对电动自行车“进楼入户”问题，联合街道社区开展集中清理，在某些老旧小区加装智能阻车门禁系统。全年共发生火灾[[×××|number]]起，同比下降[[××.×|number]]%，未发生较大以上亡人火灾。

三、队伍建设和装备保障

新招录消防员[[××|number]]名，每个站点配备[[×-×|number]]名专职驾驶员。列装XT-50型举高喷射消防车2辆、侦检机器人4台，新建5×10米烟热训练室1座。开展“大练兵、大比武”活动，[[×××|name]]同志在全省消防救援队伍比武竞赛中荣获个人第一名，特勤站获评“[[××|name]]青年文明号”。

四、存在的问题

一是某一时期警情高度集中，执勤力量捉襟见肘；二是部分乡镇专职消防队装备水平偏低；三是社会单位消防安全主体责任落实仍有差距。

五、下一步工作打算

一是持续开展冬春火灾防控，重点做好第[[×|number]]季度和春节等节点安保；二是加快推进[[××|name]]区、[[ＸＸ|name]]新区两个特勤站建设；三是深化“全民消防”宣传，力争宣传覆盖人群达到[[××|number]]万人次以上。
""",
)

add(
    "07_subdistrict_governance.txt",
    r"""
[[××|name]]街道关于党建引领基层社会治理工作情况的汇报

尊敬的各位领导：

[[××|name]]街道位于[[某|name]]区城乡接合部，辖区面积[[×.×|number]]平方公里，下辖[[××|number]]个社区，常住人口[[×.×|number]]万人，其中流动人口占比近四成。近年来，街道党工委以党建引领为抓手，探索形成了“一核多元、共建共治”的治理模式。现将有关情况汇报如下。

一、健全组织体系，织密治理网络

全面推行“街道党工委—社区党委—网格党支部—楼栋党小组”四级架构，划分基础网格[[×××|number]]个、专属网格[[××|number]]个，配备专职网格员[[×××|number]]名。建立“吹哨报到”机制，全年[[××|number]]家驻区单位党组织向社区报到，认领服务项目[[×××|number]]个。

二、搭建议事平台，激发居民自治活力

在各社区推广“[[XX|name]]议事厅”，围绕加装电梯、停车难、垃圾分类等群众关切，全年召开议事会[[××|number]]场次，解决问题[[×××|number]]件。[[XX|name]]社区党委书记[[XXX|name]]同志总结的“三问三议”工作法，被[[x|name]]日报专题报道。

三、推进智慧治理，提升服务效能

上线“Xingfuli幸福里”社区小程序，居民可在线报修、预约和反映诉求；在党群服务中心和小区广场设置免费WiFi热点。社区工作者利用Excel汇总居民诉求，做到件件有回音。对某个长期悬而未决的老旧小区改造问题，街道牵头召开协调会，推动问题在一个月内解决。

四、存在问题

一是社区工作者队伍年龄偏大、流动性强；二是居民参与治理的积极性还有待提高，某些小区业委会运行不规范；三是社区减负工作仍需深化，某种形式的“表格填报”依然存在。

五、下一步打算

我们将持续深化“红色物业”建设，力争到[[20××|year]]年底实现辖区物业服务覆盖率达到[[×××|number]]%，把[[××|name]]街道打造成为全区基层治理示范样板。
""",
)

add(
    "08_culture_tourism_summary.txt",
    r"""
[[××|name]]县文化和旅游局[[20xx|year]]年工作总结

[[20xx|year]]年，县文化和旅游局围绕“文旅强县”目标，以创建全域旅游示范区为抓手，推动文旅产业加快恢复发展。全年接待游客[[×××.×|number]]万人次，实现旅游综合收入[[××.×|number]]亿元，分别同比增长[[xx|number]]%和15.2%。

一、文旅品牌建设成效明显

持续擦亮“[[××|name]]山水·[[××|name]]人家”品牌，[[××|name]]古镇成功创建国家[[×|number]]A级旅游景区，[[××|name]]村入选全国乡村旅游重点村。打造“西岳·Xiyue”文创IP，开发文创产品[[××|number]]款，线上销售额突破300万元。

二、节庆活动精彩纷呈

成功举办第[[×|number]]届[[××|name]]文化旅游节，活动期间接待游客[[××|number]]万人次。同期举办3×3篮球挑战赛、山地马拉松等群众性体育赛事，赛事志愿者服装分S、M、L、XL、XXL五个尺码统一配发。在游客中心设置2×2米宣传展板[[××|number]]块，全方位展示本地文化旅游资源。

三、公共文化服务持续完善

新建城市书房[[×|number]]个、农家书屋提档升级[[××|number]]个，开展送戏下乡[[×××|number]]场，惠及群众10万余人次。县图书馆全年接待读者[[××|number]]万人次，开展“阅读[[××|name]]”主题活动40余场。

四、文物保护和非遗传承扎实推进

扎实推进文物保护利用，完成第四次全国文物普查实地调查，新发现不可移动文物37处。对某个年久失修的古建筑群实施抢救性保护，修缮祠堂、古民居等建筑9处。新增省级非物质文化遗产代表性项目2项、代表性传承人3名，组织非遗进校园、进社区活动25场。

五、文化市场监管和旅游安全有力有序

坚持把安全作为文旅工作的生命线，节假日期间联合市场监管、交通运输等部门开展联合检查，重点排查景区游乐设施、玻璃栈道、漂流项目等安全隐患，督促整改问题隐患62处，全年未发生旅游安全责任事故。开展文化市场综合执法检查1260余次，查处违法违规案件[[×|number]]起。对某些网吧、KTV等场所存在的接纳未成年人问题进行专项整治。

六、存在的问题及下一步打算

当前仍存在旅游产品同质化、过夜游客占比低、某一季节客流过于集中等问题。下一步，我们将加快推进[[××|name]]旅游度假区建设，力争[[20xx|year]]年旅游综合收入突破[[××|number]]亿元。
""",
)

add(
    "09_bank_branch_annual.txt",
    r"""
[[××|name]]银行[[××|name]]支行[[××××|year]]年度工作总结

[[××××|year]]年度，在分行党委的正确领导下，支行坚持稳中求进工作总基调，认真学习贯彻党的[[XX|number]]大精神和中央金融工作会议精神，统筹业务发展与风险防控，较好完成了全年经营目标。

一、主要经营指标

各项存款余额[[××.××|number]]亿元，较年初增加[[×.××|number]]亿元，增幅12.6%；各项贷款余额[[××.××|number]]亿元，较年初增加3.12亿元；实现拨备前利润[[××××|number]]万元，完成分行计划的108.2%。不良贷款率[[×.××|number]]%，较年初下降0.15个百分点。

二、重点业务发展

（一）普惠金融提质扩面。全年投放普惠型小微企业贷款[[×.×|number]]亿元，服务小微客户486户。与[[××|name]]县农业农村局合作推出“[[××|name]]贷”产品，为种养大户提供免抵押信用贷款。

（二）零售业务转型升级。新增个人有效客户[[××××|number]]户，手机银行月活跃客户突破5万户。针对某些老年客户不会使用智能设备的问题，网点设立“爱心窗口”，并在厅堂提供免费WiFi和一对一辅导。

（三）对公业务稳步拓展。成功营销[[××|name]]集团、[[ＸＸ|name]]公司等重点客户代发工资业务，新增对公存款2.3亿元。

三、风险内控

严格落实反洗钱和“断卡”行动要求，全年排查可疑账户[[××|number]]户，拦截疑似诈骗资金[[×××|number]]万元。对某一时段集中开户、交易异常的账户逐户核查，未发生重大案件和操作风险事件。

四、党建引领和队伍建设

坚持党建与业务深度融合，开展“党建+金融服务”进社区、进园区活动18场。加强员工培训，组织业务技能、合规案防等专题培训22期，3名员工通过分行内训师认证。深入开展金融消费者权益保护工作，全年妥善处理客户投诉11件，办结率100%，客户满意度持续提升。

五、存在的不足和下一年工作计划

一是存款增长对个别大户依赖度高；二是中间业务收入占比偏低。新的一年，支行将重点抓好第[[x|number]]季度“开门红”营销，力争各项存款增长[[××|number]]%以上。

[[××|name]]支行

[[××××|year]]年[[××|number]]月[[××|number]]日
""",
)

add(
    "10_inspection_rectification.txt",
    r"""
中共[[××|name]]县[[××|name]]局党组关于县委第[[×|number]]巡察组反馈意见整改情况的报告

根据县委统一部署，[[20××|year]]年[[×|number]]月[[×|number]]日至[[×|number]]月[[××|number]]日，县委巡察组对我局党组开展了常规巡察，并在巡察结束后反馈了巡察意见，指出[[×|number]]个方面[[××|number]]个具体问题。局党组坚决扛起整改主体责任，现将整改情况报告如下。

**整改工作总体情况**

局党组书记[[＊＊＊|redaction]]同志作为第一责任人，先后主持召开党组会议、专题民主生活会3次，研究部署整改工作。制定《巡察反馈意见整改方案》，细化整改措施[[××|number]]条，建立问题、任务、责任“三张清单”。截至目前，反馈问题已完成整改[[××|number]]个，正在推进[[×|number]]个。

一、关于“学习贯彻党的创新理论不够深入”问题的整改

严格落实党组理论学习中心组学习制度，全年开展集体学习12次、专题研讨4次。针对某些党员干部学用脱节的问题，开展“大学习、大调研”活动，形成调研报告5篇。

二、关于“落实中央八项规定精神不够严格”问题的整改

对巡察指出的违规发放津贴补贴问题，已全部清退到位，收回资金[[×.×|number]]万元。对公务用车管理开展专项检查，规范车辆使用审批流程。对某位副科级干部违规接受管理服务对象宴请问题，给予党内警告处分。

三、关于“选人用人不够规范”问题的整改

全面梳理2019年以来干部选拔任用工作，补齐档案材料缺失[[××|number]]处；对某个股室长期由一人负责财务审批的问题，严格执行不相容岗位分离制度。

四、关于“基层党组织建设薄弱”问题的整改

按期完成[[×|number]]个党支部换届选举，发展党员6名。对[[XX|name]]所、[[XX|name]]站等党支部“三会一课”记录不规范问题进行全面整改。

下一步，局党组将坚持目标不变、标准不降、力度不减，对照问题清单持续跟踪问效，确保整改工作取得实效。

中共[[××|name]]县[[××|name]]局党组

[[20××|year]]年[[×|number]]月[[××|number]]日
""",
)


def render(src):
    """Strip markup; return (content, masks)."""
    src = src.strip("\n") + "\n"
    out, masks, pos = [], [], 0
    length = 0
    for m in MARK.finditer(src):
        before = src[pos : m.start()]
        out.append(before)
        length += len(before)
        surface, typ = m.group(1), m.group(2)
        masks.append({"start": length, "end": length + len(surface), "text": surface, "type": typ})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(src[pos:])
    content = "".join(out)
    assert "[[" not in content and "]]" not in content, "stray markup"
    for mk in masks:
        assert content[mk["start"] : mk["end"]] == mk["text"], mk
        assert mk["type"] in TYPES
    return content, masks


def han_count(s):
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


SUSPECT = re.compile(r"[×xXＸｘ*＊某]")


def lint(fname, content, masks):
    covered = set()
    for mk in masks:
        covered.update(range(mk["start"], mk["end"]))
    for m in SUSPECT.finditer(content):
        if m.start() not in covered:
            a, b = max(0, m.start() - 8), m.end() + 8
            print(f"  unlabelled {fname}@{m.start()}: {content[a:b]!r}")


def build():
    files = {}
    labels = []
    per_file = []
    total = Counter()
    for fname, src in SOURCES:
        assert re.fullmatch(r"\d\d_[a-z_]+\.txt", fname), fname
        content, masks = render(src)
        n_han = han_count(content)
        assert 500 <= n_han <= 1200, (fname, n_han)
        assert 5 <= len(masks) <= 25, (fname, len(masks))
        assert "\n\n" in content and "\n\n\n" not in content
        files[fname] = content
        labels.append({"file": fname, "masks": masks})
        c = Counter(m["type"] for m in masks)
        total.update(c)
        per_file.append((fname, n_han, len(masks), c))
    files["labels.jsonl"] = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in labels)
    files["README.md"] = readme(per_file, total)
    return files, labels, per_file, total


def readme(per_file, total):
    rows = "\n".join(
        f"| {f} | {h} | {n} | {c['number']} | {c['year']} | {c['name']} | {c['redaction']} |"
        for f, h, n, c in per_file
    )
    allm = sum(total.values())
    return f"""# masks_blind2 — second blind held-out set for the placeholder (template mask) detector

## How it was made

* Written **blind** on 2026-11-23 by an AI helper (a sub-session started by the
  project), without opening the detector code (`reportnlp/`), the existing tests,
  `bench/`, the shared gold/seed data or git history.
* The texts are invented, realistic Chinese "template essay" (范文) style
  reports in genres not used by earlier sets: environmental-inspection
  rectification report, tax bureau summary, statistics bureau annual report,
  court work report, civil-affairs assistance report, fire-rescue detachment
  summary, sub-district governance report, culture & tourism bureau summary,
  bank branch annual summary, inspection (巡察) rectification report.
* Labels were fixed **before** the detector was run, and the set has **not been
  tuned on**: nothing was changed after seeing the evaluation output.
  Please keep it that way (do not edit labels to match the detector, and do
  not tune the detector against this folder; if it is used for development,
  it stops being a held-out set).

## Files

* `NN_<genre>.txt` — UTF-8, LF line endings, paragraphs separated by one blank
  line, trailing newline.
* `labels.jsonl` — one object per file:
  `{{"file": ..., "masks": [{{"start", "end", "text", "type"}}]}}`, offsets are
  Python `str` (code point) offsets, `text == content[start:end]`, sorted by start.
* `build.py` — holds every text with inline markup `[[surface|type]]` and
  regenerates all files byte for byte (`python build.py`; `python build.py
  --check` verifies the files on disk, `--lint` lists every unlabelled
  `× x X Ｘ * ＊ 某` for review).

## Type definitions

* `number` — a masked quantity: count, amount, percentage, decimal (`×.×`,
  `××.××` is ONE mask), ordinal (`第×届`, `第x季度`, `党的XX大`, `国家×A级`),
  month or day (`x月x日` gives two masks), ranges `x到x`, `×-×` as one mask.
* `year` — a masked year: `202x`, `20xx`, `20××`, `202×`, `××××` (incl. `××××年度`);
  a range `xxxx—xxxx` is one mask.
* `name` — a masked proper name: place (`××市`, `xx镇`, `ＸＸ新区`), organisation
  (`××公司`, `××银行`, `XX所`), person (`×××同志`, `XXX同志`, `院长 ×××`),
  brand / term / platform (`“××暖心”`, `“×××”智慧监管平台`), newspaper (`x日报`);
  `某` directly before 市/县/区/镇/省/村/乡 (only the `某` is labelled); `某某`
  standing for a person (also `王某某` → `某某`).
* `redaction` — `***` / `＊＊＊` standing for a person's name in running text
  (`***总书记`, `＊＊＊同志`).

Only the mask surface is labelled (`××` in `××市`, `202x` in `202x年`).

Deliberate non-masks (traps) woven in: `某些`, `某种`, `某个`, `某一`,
`某位` (determiner, e.g. `某位兼职人员`, `某位副科级干部`), `SO2`, `NOx`,
`NH3-N`, `PM2.5`, `COD`, roman numerals `Ⅲ类/Ⅳ类/Ⅴ类/Ⅲ级`, `Excel`, `XML`,
`WiFi`, `Linux`, a lone `“X”按钮` (close button), `y=0.86x+3.2`, `x轴`,
`iPhone X`, `Xbox`, `X射线`, `X光`, `XT-50型` (model number), `5×10米`,
`3×3篮球`, `2×2米`, `XL`/`XXL` sizes, pinyin brand names `Xiyue`, `Xingfuli`,
markdown `**bold**` heading.

## Counts

Total: {allm} masks — number {total["number"]}, year {total["year"]},
name {total["name"]}, redaction {total["redaction"]}.

| file | Han chars | masks | number | year | name | redaction |
|---|---|---|---|---|---|---|
{rows}
"""


def main():
    files, labels, per_file, total = build()
    check = "--check" in sys.argv
    bad = 0
    for fname, text in files.items():
        path = os.path.join(HERE, fname)
        data = text.encode("utf-8")
        if check:
            with open(path, "rb") as fh:
                if fh.read() != data:
                    print("MISMATCH", fname)
                    bad += 1
        else:
            with open(path, "wb") as fh:
                fh.write(data)
    # re-read from disk and re-assert offsets
    for rec in labels:
        with open(os.path.join(HERE, rec["file"]), encoding="utf-8", newline="") as fh:
            content = fh.read()
        for mk in rec["masks"]:
            assert content[mk["start"] : mk["end"]] == mk["text"], (rec["file"], mk)
    for f, h, n, c in per_file:
        print(f"{f:40s} han={h:4d} masks={n:2d} " + " ".join(f"{t}={c[t]}" for t in TYPES))
    print("TOTAL", sum(total.values()), dict((t, total[t]) for t in TYPES))
    if "--lint" in sys.argv:
        for rec in labels:
            with open(os.path.join(HERE, rec["file"]), encoding="utf-8") as fh:
                lint(rec["file"], fh.read(), rec["masks"])
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
