"""Titles, metadata and line decisions on real pages, session 8 (issue 11, round 7): excerpts of the gov6 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov6 section). Third-party
page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean
from reportnlp.boilerplate.rules import is_meta_line, line_rule

# https://pingjiang.gov.cn/35048/40718/40820/40821/content_1202379.html (govn_15, lines 1-20)
PINGJIANG = (
    "归档时间:2018-11-21\n"
    "当前位置: 首页 > 政务公开 > 政务公开工作要点 > 公开制度化 > 政策法规\n"
    "\n"
    "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(岳"
    "办发〔2017〕2号)\n"
    "\n"
    "来源:岳阳市政府门户网 日期:2017-01-12 17:08 字号:【\n"
    "视力保护色:\n"
    "浏览量:\n"
    "\n"
    "各县市区委、人民政府,岳阳经济技术开发区、城陵矶新港区、南湖新区、屈原管理区,市直各单位,"
    "中央、省驻岳单位:\n"
    "\n"
    "《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,现印发给你们,请结合实际认"
    "真贯彻执行。\n"
    "\n"
    "中共岳阳市委办公室\n"
    "\n"
    "岳阳市人民政府办公室\n"
    "\n"
    "2017年1月10日\n"
    "\n"
    "关于全面推进政务公开工作的实施意见\n"
)

# http://www.ganxian.gov.cn/gxqxxgk/c110840/202208/7d183befc03d4842ae2c5313bf2bc91a.shtml (govn_16, lines 1-6)
GANXIAN = (
    "各乡镇人民政府,区政府各部门,区直、驻区各单位:\n"
    "《赣州市赣县区重大行政规范决策程序工作指引》和《赣州市赣县区行政规范性文件制定和管理工作指"
    "引》已经2022年4月28日区政府第二届十八次常务会议研究通过,现印发给你们,请遵照执行。"
    "\n"
    "2022年5月10日\n"
    "(此件主动公开)\n"
    "赣州市赣县区重大行政决策程序工作指引\n"
    "为进一步规范我区重大行政决策程序,推进决策科学化、民主化和法制化,根据《重大行政决策程序暂"
    "行条例》、《江西省县级以上人民政府重大行政决策程序规定》、《赣州市重大行政决策事项目录管理"
    "办法》等有关规定,结合我区实际,制定本指引。\n"
)

# https://www.yxiu.cn/finance/ch/491794.html (wnews_53, lines 1-7)
YXIU = (
    "AI导读:\n"
    "\n"
    "《政府工作报告》分为三大板块:去年工作回顾、今年经济社会发展总体要求和政策取向、今年政府工"
    "作重点任务。报告文风朴实,尽量避免使用专业性术语,旨在让老百姓易于理解。\n"
    "\n"
    "《政府工作报告》起草组负责人、国务院研究室主任沈丹阳介绍,今年的报告依旧分为三大核心板块:"
    "首先,对去年工作进行全面回顾与成绩总结;其次,详细阐述了今年经济社会发展的总体要求、主要预"
    "期目标及政策导向;最后,明确提出了政府今年需重点推进的十大工作任务。同时,报告还涵盖了政府"
    "自身建设、民族宗教、侨务、港务、对台关系及国防外交等多个方面,整体文风朴实、贴近民生,文字"
    "表达力求平实简洁,尽量避免使用专业性术语。相较于往年,专业术语后的解释与注释被简化,转而采"
    "用更为通俗易懂的语言,旨在让老百姓能够轻松理解、易于接受。\n"
    "\n"
    "(文章来源:财联社)\n"
)

# http://m.gfvip00al.com/col/1119_366775/art/17356608/1736390836551YPsPYLan.html (wnews_55, lines 1-9)
HONGZE = (
    "淮安市洪澤區第十六屆人民代表大會第四次會議開幕\n"
    "時間:2025-01-09 10:47 來源:\n"
    "洪澤新聞網 字號:[\n"
    "大 中 小]\n"
    "\n"
    "1月9日上午,淮安市洪澤區第十六屆人民代表大會第四次會議在洪澤湖影劇院開幕。來自全區各條戰"
    "線上的人大代表齊聚一堂,肩負全區人民的信任和重托,以飽滿的政治熱情和高度的責任感、使命感依"
    "法履行神圣職責,為振興縣域經濟貢獻力量。\n"
    "大會主席團常務主席、區委書記沈曉紅主持會議,并宣布淮安市洪澤區第十六屆人民代表大會第四次會"
    "議開幕。\n"
    "大會執行主席沈曉紅、梁同景、薛良柱、韓學紅、邵加成在主席臺前排就座。\n"
    "區長張灝代表區人民政府向大會作政府工作報告。\n"
)

# http://conf.cssn.cn/zt/zt_mjjt/2016qglh/lglszl/2016qglhhx/201603/t20160306_2899778.shtml (wnews_58, lines 1-14)
CSSN = (
    "内容摘要:今天人大和政协全天都是小组会议,代表和委员将分别审议和讨论李克强总理所作的政府工"
    "作报告。大会发言人傅莹前天也提醒关注这场发布会呢。\n"
    "关键词:;发布会;两会;开放;政府工作报告\n"
    "作者简介:\n"
    "\n"
    "导读\n"
    "今天人大和政协全天都是小组会议,代表和委员将分别审议和讨论李克强总理所作的政府工作报告。\n"
    "\n"
    "\n"
    "代表审议\n"
    "委员讨论\n"
    "为什么代表是审议、委员是讨论呢?小新来告诉你。\n"
    "★为什么代表是审议★\n"
    "全国人大代表是国家权力机关——全国人大的组成人员,审议政府工作报告,是行使法定权力,履行法"
    "定职责。不仅要审议,还会提出修改意见,最后还要表决是否赞成报告。\n"
    "Tips:大会每年都会收到代表们对报告的修改意见,去年最终修改有30处,其中重要的修改17"
    "处!\n"
)

# https://wxredian.com/art?id=2817f4a451d1d57898338f3c862a794a (wnews_59, lines 4-5)
WXREDIAN = (
    "此次会议在和平区委的坚强领导下,区人大常委会紧密地团结在以习近平同志为核心的党中央周围,以"
    "习近平新时代中国特色社会主义思想为指导,团结奋进,踔厉奋发,奋力谱写中国式现代化和平新篇章"
    "。\n"
    "图文:新兴街人大工委办公室\n"
)

# http://tcrd.cn/news/3708.html (wnews_64, lines 3-4)
TCRD = (
    "在认真听取大家发言后,何智、陈玉莲、张敏丽、付伟表示:与会人员提出的意见建议很有见解,报告"
    "起草小组将认真梳理、充分研究、积极采纳吸收好的意见建议,进一步修改、完善工作报告。希望各位"
    "代表进一步密切与人民群众的联系,把工作做好,充分发挥代表作用,履行好参政议政职能。\n"
    "部分人大代表参加座谈会。 (姚艺迪 曹姗 吴磐)\n"
)

# https://zh.hk01.com/即时中国/60216120/两会-政协开幕-王沪宁发表全国政协常委会工作报告 (wnews_65, lines 1-7)
HK01 = (
    "两会・政协开幕|王沪宁发表全国政协常委会工作报告\n"
    "撰文: 朱加樟\n"
    "出版:更新:\n"
    "全国政协十四届三次会议今日(4日)下午3时在北京人民大会堂开幕,全国政协主席王沪宁作全国政"
    "协常委会工作报告。\n"
    "+1\n"
    "+1\n"
    "王沪宁提到,去年实现“十四五”规划目标任务的关键一年。以习近平为核心的中共中央团结带领全党"
    "全国各族人民,顺利完成全年经济社会发展主要目标任务,中国式现代化取得新的重大成就。\n"
)

# http://yicheng.cjyun.org/p/66423.html (wnews_68, lines 1-2)
YICHENG = (
    "记者张尚东 通讯员刘珍妮报道:3月5日上午9时,十四届全国人大三次会议在人民大会堂隆重开幕"
    ",国务院总理李强作政府工作报告。宜城市人大常委会副主任时瑜、曹江涛、廖华荣和全体机关干部一"
    "起集中收看了大会直播,共同关注这一全国瞩目的盛会。\n"
    "会议室里气氛庄重,大家全神贯注聆听总理的报告。政府工作报告全面回顾了2024年的工作成就,"
    "并对2025年的工作进行了科学规划与部署,内容涵盖经济发展、民生保障、科技创新、乡村振兴等"
    "多个关键领域,引发了机关干部们的强烈共鸣。\n"
)

# https://www.cqnews.net/app/content_1463629954844913664.html (wnews_70, lines 1-13)
CQNEWS = (
    "【聚焦2026垫江两会】代表委员审议讨论政府工作报告-华龙网\n"
    "【聚焦2026垫江两会】代表委员审议讨论政府工作报告\n"
    "\n"
    "垫江县融媒体中心\n"
    "\n"
    "2026-01-21 20:02\n"
    "听新闻\n"
    "\n"
    "1月21日,出席垫江县十八届人大七次会议和县政协十一届五次会议的代表委员们分团分组审议讨论"
    "政府工作报告。大家一致认为,政府工作报告系统总结了2025年全县经济社会发展取得的成就,明"
    "晰了“十五五”时期的目标任务,明确了2026年全县重点工作,是一个科学务实、催人奋进的好报"
    "告。\n"
    "\n"
    "委员分组讨论政府工作报告。记者 谭彬 摄\n"
    "\n"
    "分团分组现场气氛热烈,代表委员们围绕政府工作报告,紧扣自身行业实际和垫江高质量发展畅所欲言"
    "。大家一致认为,政府工作报告主线突出、内涵丰富、举措有力,既客观梳理了产业升级、城乡融合、"
    "民生改善等方面的亮眼成绩,又精准把握了垫江发展的阶段特征,谋划的目标任务既立足当下,又着眼"
    "长远,完全符合垫江实际、契合群众期盼。\n"
)

# http://igamepower.com/n2/2025/0227/c379471-41147788.html (wnews_71, lines 1-10)
CHENGDU = (
    "成都市十八屆人大三次會議各代表團審議政府工作報告\n"
    "2025年02月27日08:06 | 來源:成都日報\n"
    "\n"
    "原標題:市十八屆人大三次會議各代表團審議政府工作報告\n"
    "2月26日下午,出席市十八屆人大三次會議的各代表團在駐地召開全體會議,審議政府工作報告,審"
    "查計劃報告和草案、預算報告和草案等。\n"
    "代表們結合自身工作實際,談感受、話發展,氣氛熱烈。大家一致認為,政府工作報告是一份求真務實"
    "、催人奮進的好報告,報告既全面客觀地總結了我市2024年的工作成績和經驗,又細致謀劃部署了"
    "2025年的總體工作思路和目標任務,總結成績實事求是、提出目標切實可行、分析問題全面透徹、"
    "謀劃工作措施得力,彰顯了實干擔當的精神和務實為民的情懷,干貨滿滿、振奮人心。\n"
    "代表們表示,2025年是“十四五”規劃收官之年,也是“十五五”蓄勢之年,做好今年的工作意義"
    "重大。對此,大家從全面深化改革、實施擴大內需戰略、推動科技創新和產業創新融合發展等方面提出"
    "建議。代表們表示,面對新一年的發展任務,將堅持以習近平新時代中國特色社會主義思想為指導,深"
    "入貫徹黨的二十大和二十屆二中、三中全會精神,全面落實黨中央國務院、省委省政府和市委決策部署"
    ",緊緊圍繞發展目標積極建言獻策、凝聚共識,扎實推動高質量發展,持續增強“三中心一基地”核心"
    "功能,錨定“八個著力”拼經濟、搞建設,進一步全面深化改革,將國省戰略賦能全面轉化為城市發展"
    "動能,為打好“十四五”規劃收官戰,實現“十五五”良好開局貢獻智慧和力量。\n"
    "部分市領導分別參加所在代表團審議。 (成都日報錦觀新聞記者 李霞 楊帆)\n"
    "(責編:章華維、羅昱)\n"
    "分享讓更多人看到\n"
)

# http://www.ljxww.com/html/5/2013-12-27/15530010453.shtml (wnews_72, lines 1-15)
LJXWW = (
    "您所在的位置: 连江新闻网 >> 本地要闻 >> 正文\n"
    "\n"
    "我县召开《政府工作报告》征求意见会\n"
    "\n"
    "http://www.ljxww.com  2013-12-27 15:53:00   来"
    "源:连江广播电视台  【字号\n"
    "\n"
    "  连江新闻网讯 日前,我县召开《政府工作报告》征求意见会,广泛征求县人大代表、政协委员和"
    "离退休老干部对工作报告的意见、建议。\n"
    "\n"
    "  会上,县政府办负责人介绍了《政府工作报告》(征求意见稿)的起草过程和报告基本框架、主要"
    "内容。与会人员畅所欲言,各抒己见,大家一致认为新一届《政府工作报告》内容务实、涵盖面广,总"
    "结2013年工作客观全面、实事求是;2014年工作安排思路清晰,目标明确,重点突出,措施切"
    "实可行。\n"
    "\n"
    "  与会人员还就《政府工作报告》的结构、内容、文字等方面提出了建设性的意见和建议。\n"
    "\n"
    "  县委常委、常务副县长张金潮出席会议。\n"
    "\n"
    "  (通讯员 檀静 许征)\n"
)

# https://cs.rednet.cn/m/content/646956/68/15565678.html (wnews_74, lines 1-23)
REDNET = (
    "立即下载\n"
    "一图读懂|划重点!雨花区政府工作报告来了\n"
    "2025-12-24 16:58:33 字号:\n"
    "\n"
    "一图读懂|划重点!雨花区政府工作报告来了\n"
    "\n"
    "红网时刻新闻12月23日讯(记者 胡芳 谢芹)12月23日,长沙市雨花区第六届人民代表大会"
    "第六次会议召开。\n"
    "\n"
    "2025年是“十四五”规划收官之年,雨花区坚持产业引领、民生为本,在推动高质量发展和现代化"
    "建设上迈出坚实步伐,多项经济指标稳居全省前列,一批民生实事项目落地见效,群众获得感、幸福感"
    "持续增强。\n"
    "\n"
    "2026年是“十五五”规划开局之年。雨花区将围绕“决战项目主战场,决胜产业新高地”工作主题"
    ",加快建设一流的现代产业强区、对外开放强区、生态宜居强区和幸福和谐强区,推动经济实现质的有"
    "效提升和量的合理增长,努力在高质量发展中走在前列、作出示范。\n"
    "\n"
    "来源:红网\n"
    "\n"
    "作者:胡芳 谢芹\n"
    "\n"
    "编辑:胡红叶\n"
    "\n"
    "点击查看全文\n"
    "\n"
    "回首页\n"
    "返 回\n"
    "回顶部\n"
)

# https://epaper.zsnews.cn/epaper/zsrb/paperdate/20240203/part/1/articleid/3.html (wnews_75, lines 17-25)
ZSRB = (
    "  A01版 2024年02月03日 要闻 扩展 收缩 默认\n"
    "\n"
    "市十六届人大四次会议开幕\n"
    "郭文海主持大会 肖展欣作政府工作报告\n"
    "2月2日,市长肖展欣作政府工作报告。黄秋文 摄\n"
    "2月2日,中山市第十六届人民代表大会第四次会议在市文化艺术中心开幕。本报记者 夏升权 文波"
    " 摄\n"
    "  本报讯(记者 隋胜伟 张房耿 通讯员 钟仁宣)2月2日下午,中山市第十六届人民代表大会"
    "第四次会议在市文化艺术中心开幕。\n"
    "\n"
    "  市委书记、市人大常委会主任、大会主席团常务主席郭文海主持大会。市委副书记、市长肖展欣代"
    "表市政府向大会作工作报告。市人大常委会副主任陈符英作中山市人大常委会工作报告。市中级人民法"
    "院院长廖万春作中山市中级人民法院工作报告,市人民检察院检察长周虹作中山市人民检察院工作报告"
    "。\n"
)

# https://zpxww.cn/news_show.aspx?id=58447 (wnews_77, lines 1-4)
ZPXWW = (
    "本网讯(林志鑫 见习记者 蔡巧苗 摄影 陈启民)12月18日,市委常委、副市长、古雷开发区"
    "党工委书记胡栋良带队到我县征求2023年《市政府工作报告》意见建议。\n"
    "\n"
    "\n"
    "座谈会上,与会人员纷纷围绕报告,结合我县实际和各自岗位畅所欲言,坦诚交流,会场气氛热烈。大"
    "家一致认为,《报告》主题鲜明、文字精练。总结回顾今年工作客观全面、实事求是;对明年工作的谋"
    "划,紧紧围绕贯彻落实党的二十大和省、市全会精神,既符合我市实际,又鼓舞人心、催人奋进;就2"
    "023年的工作,提出了十个方面主要任务和工作举措,目标明确、措施有力,具有很强的针对性、指"
    "导性和可操作性,也为我县做好当前和今后的工作指明了前进方向。《报告》的最后对建设新时代人民"
    "满意政府提出了四点新要求,充分展示了市政府以“时时放心不下”的责任感,全面推进自我净化、自"
    "我完善、自我革新、自我提高的坚定决心,必将引领全市行政系统各项事业发展取得新突破。\n"
)

# https://www.laowenmi.com/ldjh/gzuy/28382.html (tpl_37, lines 1-10)
LAOWENMI = (
    "市委书记在2025年全市三级干部大会上的讲话\n"
    "\n"
    "同志们:\n"
    "今天,我们市县乡三级干部齐聚一堂,既是总结成绩的“交卷会”,更是决战全年的“誓师会”。刚才"
    ",5个县区作了表态发言,我听了既欣慰更心焦——欣慰的是大家都有争先进位的劲头,心焦的是标兵"
    "渐远、追兵已至,我们的步伐能不能再快些?肩膀能不能再硬些?\n"
    "先看成绩单。24年GDP增长5%,规上工业增加值增幅全省第3,这是大家用脚底板量出来的成绩"
    "。22个百亿级项目落地,*城区3个月拆出发展新空间,乡村振兴片区带动10万群众增收...."
    "..这些硬仗打得漂亮!但我们更要清醒:高新技术产业占比比全省低*个百分点,民生领域还有*项"
    "未达进度指标,营商环境测评中企业反映的\"弹簧门\"\"旋转门\"问题依然存在。(成绩问题部分各地"
    "不同,不再详细阐述)\n"
    "同志们,躺在功劳簿上数星星,不如站起来追太阳!当前,*市正处在“船到中流、人到半山”的关键"
    "期。我讲三句话,与大家共勉:\n"
    "此处隐藏5120个字。VIP会员可见\n"
    "同志们,历史从不眷顾犹豫者。让我们以“朝受命、夕饮冰”的紧迫感,以“昼无为、夜难寐”的责任"
    "感,在建设现代化新*的征程上,闯出一片新天地,干出一番新气象!\n"
    "上一篇:在节后收心会上的讲话 下一篇:在2025年春节后收心大会上的讲话\n"
    "留言与评论(共有 条评论) |\n"
)

# https://www.ppdoc.com/periodical/1179babc36215356759c8d97f5a3ee1c.html (wk_24, lines 1-2)
PPDOC = (
    "论文部分内容阅读\n"
    "【正】同志们:从今天开始,全市人民瞩目的南水北调城区段工程就要进入全面实施阶段。今天这次会"
    "议,既是一个统一思想、明确任务的宣言书,又是一个鼓舞士气、激发斗志的动员令,更是一个下定决"
    "心、务求成功的誓师会。为开好这次会议,市委、市政府多次听取城区段工程情况汇报,市委常委会、"
    "市政府常务会分别进行了专题研究。省\n"
)

# http://www.jnsw.gov.cn/content/tpxw/content-34-31186-1.html (wnews_78, lines 1-15)
JNSW = (
    "2023年03月29日 星期三\n"
    "\n"
    "全市“重点工作攻坚年”推进大会举行\n"
    "\n"
    "统一思想振奋精神众志成城合力攻坚 加快建设“大强美富通”现代化国际大都市\n"
    "\n"
    "孙立成讲话 孙述涛主持 殷鲁谦雷杰边祥慧出席\n"
    "\n"
    "发布日期:2020-04-23\n"
    "\n"
    "信息来源:济南日报\n"
    "\n"
    "  4月22日上午,全市“重点工作攻坚年”推进大会举行。会议以习近平新时代中国特色社会主义"
    "思想为指导,全面贯彻落实全省“重点工作攻坚年”动员大会精神,安排部署我市重点工作攻坚任务,"
    "动员全市各级党组织和广大党员干部,在疫情防控常态化条件下,统一思想、振奋精神,众志成城、合"
    "力攻坚,加快建设“大强美富通”现代化国际大都市。\n"
    "  省委常委、市委书记孙立成出席会议并讲话,市委副书记、市长孙述涛主持会议,市人大常委会主"
    "任殷鲁谦,市政协主席雷杰,市委副书记边祥慧和副市级领导干部出席会议。\n"
    "编辑:时金\n"
)

# http://m.shbear.com/yw/2023/0228/55345.html (wnews_80, lines 1-13)
SHBEAR = (
    "(相关资料图)\n"
    "\n"
    "2月28日,出席县十六届人大三次会议的人大代表,分组审议县长黄静所作的《政府工作报告》和计"
    "划、财政预算工作报告。\n"
    "\n"
    "县领导谢睿、王久昌、余小波、王哲渠、张哲、闫岩峰、蔡春源等分别在各自代表团参加审议,听取代"
    "表意见建议,共谋发展良策。\n"
    "\n"
    "在各代表团审议现场,代表们各抒己见、踊跃发言,现场气氛热烈。代表们一致认为,县长黄静所作的"
    "政府工作报告,高瞻远瞩、主题鲜明、内容简洁、脉络清晰,谋划工作紧贴实际,为全县未来一个时期"
    "的发展擘画了宏伟蓝图,是一个明确任务、振奋人心、催人奋进的报告。\n"
    "\n"
    "大家纷纷表示,将紧紧围绕报告提出的各项目标任务,结合实际,坚持问题导向、目标导向、结果导向"
    ",凝心聚力、履职尽责、担当作为,奋力谱写现代化镇平建设新篇章。\n"
    "\n"
    "来源:镇平县融媒体中心 记者:张晔 鄢峰  小宁 冠雅  小娜 杨晨 编辑:黄磊磊\n"
    "\n"
    "推荐内容\n"
)

# https://peopleweekly.cn/html/gongyoulanmu/pinglun/451.html (wnews_81, lines 1-3)
PEOPLEWEEKLY = (
    "人民日报出版社主管 人民周刊杂志社主办\n"
    "一份政府工作报告,犹如一份施政纲领。读懂政府工作报告,就是读懂未来一年的发展规划、目标方向"
    "及行动路线。正因此,在十三届全国人大五次会议开幕会上,李克强总理所作的政府工作报告,备受海"
    "内外关注。\n"
    "每年的政府工作报告中“GDP增速”总是最引人关注的指标,一方面是因其预期性强,便于凝聚各方"
    "共识和指导企业决策,一方面是因其综合性高,关系到发展的质量、效益以及政策、路径。\n"
)

# https://fzsuanda.com/html/govdiropejcms_filesjcms1web1siteart20091019art_140_21.html (govn_19, lines 1-14)
FZSUANDA = (
    "\"; document.write(str); document.close(); }\n"
    "如何解读信息索引号\n"
    "\n"
    "为每条信息建立索引号,必须保证每条信息的信息索引号是唯一的。\n"
    "  一、编号规则\n"
    "  信息索引号由“地区编号”+“部门编号”+“信息类别号”+“信息分组号”+“信息生成日期"
    "”+“信息顺序编号”六组代码构成,每组代码之间用符号“-”分割。\n"
    "  二、规则说明\n"
    "  地区编号参考国家标准《中华人民共和国行政区划代码》(GB 2260-1995)和《宁波"
    "市2002年县及县以下行政区划代码》。部门编号兼容《浙江省政府网站12类信息发布规范》。\n"
    "  信息类别号:各级政府及其部门直接使用《宁波市政府信息公开分类规范表》中的“类别号”。\n"
    "  信息分组号:在市政府目录编制规范的基础上,各单位可以结合各自业务实际,再编制下级目录,"
    "下级目录不超过两层,例如某目录的第一个子目录编码为“01”,这个子目录的第二个子目录编码为"
    "“02”,那么对应目录下信息的分组号就为“0102”。\n"
    "  信息生成日期:某条信息生成时候的年号,一般指文件的签署日期。如:某条信息2007年1月"
    "1日生成,此条信息的“信息生成日期”为“20070101”。\n"
    "  信息顺序编号:某条信息的顺序号,按照自然数编号,长度不作限制。\n"
    "\n"
    "Produced By 大汉网络 大汉版通发布系统\n"
)

# https://gansuci.cn/2023/0115/257286.shtml (wnews_85, lines 1-1)
GANSUCI = (
    "中国甘肃网1月15日讯(本网记者 程健 张兰琴 高正武)1月15日上午,甘肃省第十四届人民"
    "代表大会第一次会议在甘肃大剧院隆重开幕,省长任振鹤代表省政府向大会作《政府工作报告》。下午"
    ",出席大会的人大代表开始分组审议《政府工作报告》。\n"
)


def _actions(doc) -> dict[str, str]:
    return {d.text.strip(): d.action for d in doc.lines if d.text.strip()}


def test_document_number_at_the_end_of_a_notice_title():
    doc = clean(PINGJIANG)
    assert doc.meta["doc_number"] == "岳办发〔2017〕2号"
    assert doc.title == "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知"
    assert doc.meta["date"] == "2017-01-12"
    assert doc.meta["source"] == "岳阳市政府门户网"
    assert doc.meta["written_date"] == "2017-01-10"
    # a number inside a sentence, or a title that only quotes one, gives none
    assert "doc_number" not in clean("关于转发岳办发〔2017〕2号文件的通知\n\n" + PINGJIANG.split("\n\n", 3)[3]).meta


def test_date_alone_over_the_publication_mark_is_the_written_date():
    doc = clean(GANXIAN)
    assert doc.meta["written_date"] == "2022-05-10"
    assert _actions(doc)["(此件主动公开)"] == "keep"
    # without the mark, a date alone is no sign-off
    assert "written_date" not in clean(GANXIAN.replace("(此件主动公开)\n", "")).meta


def test_ai_summary_is_dropped_and_a_bracketed_source_is_metadata():
    doc = clean(YXIU)
    acts = _actions(doc)
    assert acts["AI导读:"] == "drop"
    summary = next(t for t in acts if t.startswith("《政府工作报告》分为三大板块"))
    assert acts[summary] == "drop"  # the AI-written summary under its label
    assert acts["(文章来源:财联社)"] == "meta"
    assert doc.meta["source"] == "财联社"  # not ``财联社)``
    assert doc.text.startswith("《政府工作报告》起草组负责人")
    # a source with its own brackets keeps them
    assert clean("来源:21世纪经济报道(广州)\n\n" + YXIU).meta["source"] == "21世纪经济报道(广州)"


def test_a_sentence_reporting_the_report_is_text_not_a_caption():
    doc = clean(HONGZE)
    assert _actions(doc)["区长张灏代表区人民政府向大会作政府工作报告。"] == "keep"
    assert doc.meta["date"] == "2025-01-09"
    assert doc.meta["source"] == "洪泽新闻网"  # its value on the line under the label
    assert line_rule("殷勇同志作政府工作报告。") == "photo_caption"
    assert line_rule("区长张灏代表区人民政府向大会作政府工作报告。") is None


def test_summary_repeating_the_lead_and_a_keyword_line_are_not_text_or_title():
    doc = clean(CSSN)
    acts = _actions(doc)
    assert acts[next(t for t in acts if t.startswith("内容摘要:"))] == "drop"
    assert acts["关键词:;发布会;两会;开放;政府工作报告"] == "drop"
    assert doc.title is None
    assert acts["作者简介:"] == "meta"
    assert acts[next(t for t in acts if t.startswith("今天人大和政协全天"))] == "keep"
    # a paper's abstract that the text does not repeat stays
    paper = "摘要:本文讨论政府工作报告的文体特征与语言风格的变化。\n" + CSSN.split("导读\n", 1)[1]
    assert _actions(clean(paper))["摘要:本文讨论政府工作报告的文体特征与语言风格的变化。"] == "keep"


def test_credits_closing_the_text_give_the_author():
    doc = clean(WXREDIAN)
    assert _actions(doc)["图文:新兴街人大工委办公室"] == "meta"
    assert doc.meta["author"] == "新兴街人大工委办公室"
    assert clean(TCRD).meta["author"] == "姚艺迪 曹姗 吴磐"  # several names in brackets after the last sentence
    assert clean(YICHENG).meta["author"] == "张尚东"  # ``记者X 通讯员Y报道:`` opening the text


def test_empty_labels_and_gallery_counts():
    doc = clean(HK01)
    acts = _actions(doc)
    assert acts["出版:更新:"] == "meta"
    assert is_meta_line("发布时间:更新时间:") and not is_meta_line("出版:")  # labels only, two or more
    assert acts["+1"] == "drop"
    assert doc.meta["author"] == "朱加樟"
    assert doc.title == "两会・政协开幕|王沪宁发表全国政协常委会工作报告"


def test_listen_widget_is_furniture():
    doc = clean(CQNEWS)
    assert _actions(doc)["听新闻"] == "drop"
    assert doc.title == "【聚焦2026垫江两会】代表委员审议讨论政府工作报告"
    assert doc.meta["date"] == "2026-01-21"
    assert doc.meta["site"] == "华龙网"
    assert clean(doc.text).text == doc.text


def test_cleaning_the_excerpts_twice_changes_nothing():
    for page in (PINGJIANG, GANXIAN, YXIU, HONGZE, CSSN, WXREDIAN, TCRD, HK01, YICHENG, CQNEWS, CHENGDU, LJXWW,
                 REDNET, ZSRB, ZPXWW, LAOWENMI, PPDOC, JNSW, SHBEAR, PEOPLEWEEKLY,
                 FZSUANDA, GANSUCI):
        once = clean(page).text
        assert clean(once).text == once


def test_a_news_items_first_sentence_after_its_byline_is_text():
    for page, line, author in (
        (REDNET, "红网时刻新闻12月23日讯(记者 胡芳 谢芹)12月23日,长沙市雨花区第六届人民代表大会第六次会议召开。", "胡芳 谢芹"),
        (ZSRB, "本报讯(记者 隋胜伟 张房耿 通讯员 钟仁宣)2月2日下午,中山市第十六届人民代表大会第四次会议在市文化艺术中心开幕。", "隋胜伟 张房耿"),
    ):
        doc = clean(page)
        assert _actions(doc)[line] == "keep"
        assert doc.meta["author"] == author
        assert not is_meta_line(line)
    # a byline alone stays metadata
    assert is_meta_line("(记者 陶钦忆)") and is_meta_line("本报记者 赵新明")
    doc = clean(REDNET)
    assert doc.meta["date"] == "2025-12-24"
    assert doc.meta["source"] == "红网"
    assert _actions(doc)["点击查看全文"] == "drop"


def test_a_reporter_named_before_the_photographer_is_no_caption():
    doc = clean(ZPXWW)
    line = next(t for t in _actions(doc) if t.startswith("本网讯("))
    assert _actions(doc)[line] == "keep"
    assert doc.meta["author"] == "林志鑫"
    assert line_rule("2月2日,市长肖展欣作政府工作报告。本报记者 黄秋文 摄") == "photo_caption"


def test_bylines_in_brackets_name_several_writers():
    doc = clean(CHENGDU)
    assert doc.meta["author"] == "李霞 杨帆"  # ``(成都日報錦觀新聞記者 李霞 楊帆)`` closing the text
    assert doc.meta["source"] == "成都日报"
    assert _actions(doc)["(责编:章华维、罗昱)"] == "meta"
    doc = clean(LJXWW)
    assert doc.meta["author"] == "檀静 许征"  # ``(通讯员 檀静 许征)`` on its own line
    assert doc.meta["site"] == "连江新闻网"
    assert doc.meta["source"] == "连江广播电视台"
    assert doc.title == "我县召开《政府工作报告》征求意见会"


def test_paywall_notes_and_a_mastheads_line_are_furniture():
    acts = _actions(clean(LAOWENMI))
    assert acts["此处隐藏5120个字。VIP会员可见"] == "drop"
    assert acts["同志们:"] == "keep"
    doc = clean(PPDOC)
    assert _actions(doc)["论文部分内容阅读"] == "drop" and doc.title is None
    doc = clean(PEOPLEWEEKLY)
    assert _actions(doc)["人民日报出版社主管 人民周刊杂志社主办"] == "drop" and doc.title is None
    assert line_rule("市政府主办的第三届论坛今日开幕") is None


def test_headline_restated_by_the_first_sentence_over_a_deck_of_names():
    doc = clean(JNSW)
    assert doc.title == "全市“重点工作攻坚年”推进大会举行"  # not ``孙立成讲话 孙述涛主持 …`` above the date
    assert doc.meta["date"] == "2020-04-23"  # the publication field, not the date widget at the top
    assert doc.meta["source"] == "济南日报"
    assert clean(doc.text).text == doc.text


def test_reporters_after_a_label_are_all_named():
    doc = clean(SHBEAR)
    assert doc.meta["author"] == "张晔 鄢峰 小宁 冠雅 小娜 杨晨"
    assert doc.meta["source"] == "镇平县融媒体中心"
    assert _actions(doc)["(相关资料图)"] == "drop"


def test_a_cms_credit_is_furniture_and_a_sites_own_reporters_are_authors():
    doc = clean(FZSUANDA)
    assert _actions(doc)["Produced By 大汉网络 大汉版通发布系统"] == "drop"
    assert doc.title == "如何解读信息索引号"
    assert clean(GANSUCI).meta["author"] == "程健 张兰琴 高正武"  # ``…讯(本网记者 程健 张兰琴 高正武)…``
