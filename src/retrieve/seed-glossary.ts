/**
 * Built-in bilingual seed glossary: Korean ↔ simplified Chinese ↔ English.
 *
 * Provenance: written by hand for this project (not copied from a dictionary), as general
 * vocabulary of Chinese industry, technology, business and policy reporting, plus the major
 * Chinese regions and companies a reader is likely to name (with the makers of the issue's
 * industries, EVs, robots, drones, AI models and chips, that an issue may not mention: a question
 * about one of those is answered "not mentioned", see ExtractiveAnswerer.absentNames). It complements the pairs that
 * extractGlossary() mines from each report: the report writes many terms only in Korean
 * (점유율, 시장 규모, 휴머노이드 로봇, 저고도 경제 …), so without this list a Chinese or English
 * question could not reach those passages lexically. Korean spellings follow the report's
 * conventions (Chinese names in the official Korean transcription: 선전, 청두, 화웨이).
 *
 * The last block is the everyday vocabulary of the report's prose (roles, functions, patients,
 * capacity utilization, exhibitors …), taken from the report's own frequent words, so that an
 * English question's ordinary words reach Korean passages too; a Chinese question mostly reaches
 * those through their Sino-Korean readings as well (text/sinoKorean.ts).
 *
 * Format, one entry per line: `korean | chinese forms, … | english forms, …` (either list may
 * be empty). Several lines may share a Chinese form: that is how Korean variants are recorded
 * (저고도 경제 / 저공경제 ↔ 低空经济), and a question in one of them also finds the other.
 * Avoid ambiguous Korean words (지난 = last/济南, 저장 = storage/浙江): a wrong pair here costs
 * more than a missing one.
 */
import type { GlossaryEntry } from '../types.js';

const SEED = `
구현 지능 | 具身智能 | embodied intelligence, embodied AI
인공지능 | 人工智能 | artificial intelligence, AI
생성형 AI | 生成式人工智能, 生成式AI | generative AI
대형모델 | 大模型 | large model, foundation model
대형언어모델 | 大语言模型 | large language model, LLM
로봇 | 机器人 | robot
광섬유 | 光纤 | optical fiber, optical fibre, fiber optic
광케이블 | 光缆 | optical cable, fiber cable
광소자 | 光器件 | optical device, optical component
모빌리티 | 出行, 移动出行 | mobility
인큐베이터 | 孵化器 | incubator
데이터셋 | 数据集 | dataset, data set
오픈소스 | 开源 | open source, open-source
혁신망 | 创新网络 | innovation network
지식망 | 知识网络 | knowledge network
휴머노이드 로봇 | 人形机器人 | humanoid robot, humanoid
사족 로봇 | 四足机器人 | quadruped robot, robot dog
산업용 로봇 | 工业机器人 | industrial robot
서비스 로봇 | 服务机器人 | service robot
협동 로봇 | 协作机器人 | collaborative robot, cobot
로봇 팔 | 机械臂 | robotic arm, robot arm
로봇 손 | 灵巧手 | dexterous hand, robotic hand
자율주행 | 自动驾驶 | autonomous driving, self-driving
드론 | 无人机 | drone, UAV
저고도 경제 | 低空经济 | low-altitude economy
저공경제 | 低空经济 |
반도체 | 半导体 | semiconductor
칩 | 芯片 | chip, chips
파운드리 | 晶圆代工 | foundry
센서 | 传感器 | sensor
모터 | 电机 | motor
코어리스 모터 | 空心杯电机 | coreless motor
감속기 | 减速器 | reducer, gearbox
액추에이터 | 执行器 | actuator
배터리 | 电池 | battery
리튬 배터리 | 锂电池 | lithium battery
신에너지차 | 新能源汽车, 新能源车 | new energy vehicle, NEV
전기차 | 电动汽车, 电动车 | electric vehicle, EV
자동차 | 汽车 | car, automobile, automotive, vehicle
완성차 | 整车 | automaker, carmaker
완성차 업체 | 车企, 整车企业 | automaker, carmaker
부품 | 零部件, 部件 | component, parts
공급망 | 供应链 | supply chain
산업체인 | 产业链 | industrial chain, industry chain, value chain
데이터 | 数据 | data
데이터센터 | 数据中心 | data center
컴퓨팅 파워 | 算力 | computing power, compute
클라우드 | 云计算, 云服务 | cloud, cloud computing
서버 | 服务器 | server
알고리즘 | 算法 | algorithm
운영체제 | 操作系统 | operating system
소프트웨어 | 软件 | software
하드웨어 | 硬件 | hardware
플랫폼 | 平台 | platform
사물인터넷 | 物联网 | internet of things, IoT
디지털 전환 | 数字化转型 | digital transformation
디지털화 | 数字化 | digitalization, digitization
스마트화 | 智能化 | intelligentization
지능화 | 智能化 |
스마트 | 智能 | smart, intelligent
스마트 제조 | 智能制造 | smart manufacturing, intelligent manufacturing
제조업 | 制造业 | manufacturing
첨단 제조 | 先进制造 | advanced manufacturing
시뮬레이션 | 仿真 | simulation
훈련 | 训练 | training
학습 | 学习 | learning
머신러닝 | 机器学习 | machine learning
딥러닝 | 深度学习 | deep learning
강화학습 | 强化学习 | reinforcement learning
수집 | 采集 | collection, collect
데이터 수집 | 数据采集 | data collection
비전 | 视觉 | vision
음성 인식 | 语音识别 | speech recognition
의료 | 医疗 | medical, healthcare, health care
병원 | 医院 | hospital
진단 | 诊断 | diagnosis
주치의 | 家庭医生 | family doctor
바이오 | 生物 | biotech, bio
정밀 | 精密 | precision
용접 | 焊接 | welding
장비 | 装备, 设备 | equipment
자동화 | 自动化 | automation
물류 | 物流 | logistics
전자상거래 | 电子商务, 电商 | e-commerce
교육 | 教育 | education
금융 | 金融 | finance, financial
농업 | 农业 | agriculture
에너지 | 能源 | energy
신소재 | 新材料 | new materials
양자 | 量子 | quantum
위성 | 卫星 | satellite
항공 | 航空 | aviation
항공우주 | 航空航天 | aerospace
무인 | 无人 | unmanned
스마트폰 | 智能手机 | smartphone
스마트 단말기 | 智能终端 | smart device, smart terminal
웨어러블 | 可穿戴 | wearable
가상현실 | 虚拟现实 | virtual reality, VR
증강현실 | 增强现实 | augmented reality, AR
메타버스 | 元宇宙 | metaverse
블록체인 | 区块链 | blockchain
통신 | 通信 | telecommunications, telecom
네트워크 | 网络 | network
보안 | 网络安全, 信息安全 | cybersecurity, security
안전 | 安全 | safety
시장 | 市场 | market
시장 규모 | 市场规模 | market size
점유율 | 份额, 市场份额, 占有率, 市占率 | market share, share
매출 | 营收, 营业收入, 销售额 | revenue, sales, turnover
영업이익 | 营业利润 | operating profit
영업이익률 | 营业利润率 | operating margin, operating profit margin
이익률 | 利润率 | profit margin, margin
순이익 | 净利润 | net profit, net income
주가 | 股价 | stock price, share price
시가총액 | 市值 | market capitalization, market cap
배당 | 分红 | dividend
이익 | 利润 | profit
성장률 | 增长率, 增速 | growth rate
연평균 성장률 | 年均增长率, 复合增长率 | CAGR, compound annual growth rate
성장 | 增长 | growth, grow
투자 | 投资 | investment, invest
투자 유치 | 融资 | financing, funding, fundraising
기업 가치 | 估值 | valuation
상장 | 上市 | listing, IPO
인수합병 | 并购 | merger, acquisition, M&A
통합 | 整合 | integration, consolidation
구조조정 | 重组 | restructuring
판매량 | 销量 | sales volume
출하량 | 出货量 | shipments, shipment
생산량 | 产量 | output, production volume
수출 | 出口 | export, exports
수입 | 进口 | import, imports
가격 | 价格 | price
원가 | 成本 | cost
가성비 | 性价比 | cost-effectiveness, value for money
매장 | 门店 | store, shop
기업 | 企业, 公司 | company, enterprise, firm
스타트업 | 初创企业, 创业公司 | startup, start-up
창업 | 创业 | entrepreneurship, startup
자회사 | 子公司 | subsidiary
본사 | 总部 | headquarters, HQ
설립 | 成立 | founded, established, founding
창립자 | 创始人 | founder
회장 | 董事长 | chairman
최고경영자 | 首席执行官 | CEO, chief executive
브랜드 | 品牌 | brand
고객 | 客户 | customer, client
소비자 | 消费者 | consumer
수요 | 需求 | demand
공급 | 供给, 供应 | supply
경쟁 | 竞争 | competition
경쟁력 | 竞争力 | competitiveness
산업 | 产业, 行业 | industry, sector
산업단지 | 产业园, 园区 | industrial park
클러스터 | 集群 | cluster
생태계 | 生态 | ecosystem
혁신 | 创新 | innovation
기술 혁신 | 技术创新, 科技创新 | technological innovation
연구개발 | 研发 | R&D, research and development
특허 | 专利 | patent
표준 | 标准 | standard
인재 | 人才 | talent
일자리 | 就业 | jobs, employment
상업화 | 商业化 | commercialization
양산 | 量产 | mass production
응용 | 应用 | application
시나리오 | 场景 | scenario, use case
솔루션 | 解决方案 | solution
과학기술 | 科技 | science and technology, tech
기술 | 技术 | technology
연구원 | 研究院 | research institute
연구소 | 研究所 | research institute
실험실 | 实验室 | laboratory, lab
대학 | 大学 | university
정책 | 政策 | policy
행동계획 | 行动计划 | action plan
실시방안 | 实施方案 | implementation plan
조례 | 条例 | regulations, ordinance
정부 업무 보고 | 政府工作报告 | government work report
국무원 | 国务院 | State Council
공업정보화부 | 工业和信息化部, 工信部 | MIIT, Ministry of Industry and Information Technology
상무부 | 商务部 | Ministry of Commerce, MOFCOM
과학기술부 | 科技部, 科学技术部 | Ministry of Science and Technology
국가발전개혁위원회 | 国家发展和改革委员会, 国家发改委, 发改委 | NDRC
재정부 | 财政部 | Ministry of Finance
부처 | 部门 | ministry, ministries, department
지방정부 | 地方政府 | local government
시범구 | 示范区 | demonstration zone
국가자주혁신시범구 | 国家自主创新示范区 | national innovation demonstration zone
하이테크 산업개발구 | 高新技术产业开发区, 高新区 | high-tech zone
자유무역시험구 | 自由贸易试验区, 自贸区 | free trade zone
신구 | 新区 | new area
질적 생산력 | 新质生产力 | new quality productive forces
전정특신 | 专精特新 | specialized and sophisticated
소거인 | 小巨人 | little giant
중소기업 | 中小企业 | SME, small and medium enterprises
일대일로 | 一带一路 | Belt and Road
보조금 | 补贴 | subsidy, subsidies
펀드 | 基金 | fund
수출 통제 | 出口管制 | export controls, export control
제재 | 制裁 | sanctions
규제 | 监管 | regulation, regulatory
세계인공지능대회 | 世界人工智能大会 | World Artificial Intelligence Conference, WAIC
박람회 | 博览会 | expo, fair
전시회 | 展览会, 展会 | exhibition, trade show
포럼 | 论坛 | forum
대회 | 大会 | conference, congress
로드쇼 | 路演 | roadshow
행사 | 活动 | event
주제 | 主题 | theme, topic
강연 | 演讲 | speech, keynote, talk
참가 | 参加, 参展 | participate, participation
방문 | 访问, 考察 | visit
인프라 | 基础设施 | infrastructure
모델 | 模型 | model
모형 | 模型 | model
업무협약 | 合作备忘录, 谅解备忘录 | MOU, memorandum of understanding
협력 | 合作 | cooperation, partnership
대사관 | 大使馆 | embassy
도시 | 城市 | city, cities
지역 | 地区, 区域 | region
국가급 | 国家级 | national-level
전국 | 全国 | nationwide
글로벌 | 全球 | global, worldwide
세계 | 世界 | world
해외 | 海外 | overseas
지수 | 指数 | index
순위 | 排名 | ranking
평균 | 平均 | average
비율 | 比例 | ratio, proportion
규모 | 规模 | scale
전망 | 预测, 预计, 展望 | forecast, outlook, projected
목표 | 目标 | target, goal
계획 | 计划, 规划 | plan
전략 | 战略 | strategy
발표 | 发布 | announced, released, published
출시 | 推出 | launch, launched
개최 | 举办 | held, hosted
면적 | 面积 | area
제곱미터 | 平方米 | square meters, square metres
위안 | 人民币 | yuan, RMB
달러 | 美元 | dollar, dollars, USD
중국 | 中国 | China, Chinese
한국 | 韩国 | Korea, South Korea, Korean
미국 | 美国 | United States, America, American
일본 | 日本 | Japan, Japanese
베이징 | 北京 | Beijing
상하이 | 上海 | Shanghai
선전 | 深圳 | Shenzhen
광저우 | 广州 | Guangzhou
항저우 | 杭州 | Hangzhou
청두 | 成都 | Chengdu
충칭 | 重庆 | Chongqing
우한 | 武汉 | Wuhan
난징 | 南京 | Nanjing
쑤저우 | 苏州 | Suzhou
시안 | 西安 | Xi'an, Xian
톈진 | 天津 | Tianjin
허페이 | 合肥 | Hefei
창사 | 长沙 | Changsha
정저우 | 郑州 | Zhengzhou
칭다오 | 青岛 | Qingdao
샤먼 | 厦门 | Xiamen
닝보 | 宁波 | Ningbo
우시 | 无锡 | Wuxi
둥관 | 东莞 | Dongguan
주하이 | 珠海 | Zhuhai
선양 | 沈阳 | Shenyang
다롄 | 大连 | Dalian
광둥 | 广东 | Guangdong
장쑤 | 江苏 | Jiangsu
쓰촨 | 四川 | Sichuan
후베이 | 湖北 | Hubei
안후이 | 安徽 | Anhui
산둥 | 山东 | Shandong
푸젠 | 福建 | Fujian
홍콩 | 香港 | Hong Kong
타이완 | 台湾 | Taiwan
징진지 | 京津冀 | Beijing-Tianjin-Hebei
장강삼각주 | 长三角, 长江三角洲 | Yangtze River Delta
주강삼각주 | 珠三角, 珠江三角洲 | Pearl River Delta
웨강아오 대만구 | 粤港澳大湾区 | Greater Bay Area
중관촌 | 中关村 | Zhongguancun
화웨이 | 华为 | Huawei
텐센트 | 腾讯 | Tencent
알리바바 | 阿里巴巴 | Alibaba
바이두 | 百度 | Baidu
바이트댄스 | 字节跳动 | ByteDance
샤오미 | 小米 | Xiaomi
징둥 | 京东 | JD.com
메이퇀 | 美团 | Meituan
비야디 | 比亚迪 | BYD
지리자동차 | 吉利汽车 | Geely
웨이라이 | 蔚来 | NIO
샤오펑 | 小鹏 | XPeng
닝더스다이 | 宁德时代 | CATL
치루이 | 奇瑞 | Chery
DJI | 大疆 | DJI
폭스콘 | 富士康 | Foxconn
엔비디아 | 英伟达 | Nvidia
테슬라 | 特斯拉 | Tesla
구글 | 谷歌 | Google
애플 | 苹果公司 | Apple
마이크로소프트 | 微软 | Microsoft
딥시크 | 深度求索 | DeepSeek
리샹 | 理想汽车 | Li Auto
립모터 | 零跑汽车, 零跑 | Leapmotor
싸이리스 | 赛力斯 | Seres
이치자동차 | 中国一汽, 一汽 | FAW
푸리예 | 傅利叶 | Fourier Intelligence, Fourier
에스툰 | 埃斯顿 | Estun
후이촨기술 | 汇川技术 | Inovance
퉈쓰다 | 拓斯达 | Topstar
신쑹로봇 | 新松机器人, 新松 | Siasun
이항 | 亿航智能, 亿航 | EHang
펑페이항공 | 峰飞航空 | AutoFlight
순펑 | 顺丰 | SF Express
센스타임 | 商汤科技, 商汤 | SenseTime
메그비 | 旷视科技, 旷视 | Megvii
캠브리콘 | 寒武纪 | Cambricon
하이광정보 | 海光信息 | Hygon
문샷AI | 月之暗面 | Moonshot AI
즈푸AI | 智谱 | Zhipu AI
쿠카 | 库卡 | KUKA
판매 | 销售 | sales, sell, sold, selling
구매 | 采购, 购买 | purchase, procurement, buy
계약 | 合同, 签约 | contract, deal
수주 | 订单, 中标 | order, orders, won a contract
체결 | 签署, 签订 | signed, sign
발명특허 | 发明专利 | invention patent, invention patents
상장 기업 | 上市公司 | listed company, listed companies
직원 | 员工, 职工 | employee, employees, staff
교수 | 教授 | professor
원사 | 院士 | academician
센터장 | 主任 | director
대표 | 代表, 总经理 | representative, CEO, head
대사 | 大使 | ambassador
관람객 | 观众 | visitors, attendees
방문객 | 访客, 游客 | visitors
참가 기업 | 参展商, 参展企业 | exhibitors, participating companies
전시관 | 展馆 | exhibition hall, hall, venue
장소 | 地点, 场地 | venue, location, place
일정 | 日程 | schedule, dates
환자 | 患者, 病人 | patient, patients
의료진 | 医护人员, 医生 | medical staff, doctors, clinicians
진료 | 诊疗, 就诊 | medical care, consultation, treatment
응급실 | 急诊 | emergency room, ER
의사 | 医生 | doctor, physician
두뇌 | 大脑 | brain
대뇌 | 大脑 | cerebrum
소뇌 | 小脑 | cerebellum
본체 | 本体 | body, hardware body
기능 | 功能 | function, functions, feature, features
성능 | 性能 | performance
역할 | 作用, 角色 | role
과제 | 挑战, 任务 | challenge, challenges, task
문제 | 问题 | problem, problems, issue
장벽 | 壁垒 | barrier, barriers
원인 | 原因 | reason, cause
이유 | 理由 | reason
효과 | 效果 | effect
영향 | 影响 | impact, influence
목적 | 目的 | purpose, aim
방안 | 方案 | plan, scheme, measures
조치 | 措施 | measure, measures, steps
지원 정책 | 扶持政策, 支持政策 | support policy, support policies, incentives
지원 | 支持, 扶持 | support
육성 | 培育 | cultivate, foster, nurture
구축 | 构建, 建设, 打造 | build, building, establish
건설 | 建设 | construction
개발 | 开发 | development, develop
연구 | 研究 | research, study
실험 | 实验 | experiment
검증 | 验证 | validation, verification
실증 | 实证, 示范应用 | pilot, demonstration, field test
테스트 | 测试 | test, testing
시범 | 示范, 试点 | pilot
양산 | 量产 | mass production
생산 | 生产 | production, produce, manufacturing
공정 | 工艺, 工序 | process
설계 | 设计 | design
제어 | 控制 | control
운동 제어 | 运动控制 | motion control
감지 | 感知 | perception, sensing
인지 | 认知 | cognition
의사결정 | 决策 | decision-making, decision making
운영 | 运营 | operation, operations, operate
관리 | 管理 | management
모니터링 | 监测 | monitoring
유지보수 | 维保, 维修 | maintenance, repair
애프터서비스 | 售后 | after-sales service, after-sales
전시 | 展示 | display, exhibition, showcase
체험 | 体验 | experience, hands-on
임대 | 租赁 | rental, leasing
정보 피드백 | 信息反馈 | feedback
부품 공급 | 零部件供应 | spare parts
혁신센터 | 创新中心 | innovation center
고객 상담 | 客服 | customer service
서비스 | 服务 | service, services
제품 | 产品 | product, products
시스템 | 系统 | system
체계 | 体系 | system, framework
네트워크 | 网络 | network, networks
인터넷 | 互联网 | internet
산업 인터넷 | 工业互联网 | industrial internet
데이터 보안 | 数据安全 | data security
사이버 보안 | 网络安全 | cybersecurity, network security
중요 데이터 | 重要数据 | important data
개인정보 | 个人信息 | personal information, privacy
자원 | 资源 | resources
인재 양성 | 人才培养 | talent development, training
국산화 | 国产化, 国产替代 | localization, domestic substitution
자립 | 自主可控, 自立自强 | self-reliance
봉쇄 | 封锁, 封堵 | blockade
블랙리스트 | 实体清单, 黑名单 | blacklist, entity list
수출 금지 | 出口禁令 | export ban
성장 | 增长 | growth
증가 | 增加 | increase, increased, rise
감소 | 减少, 下降 | decrease, decline, fell
비중 | 比重, 占比 | share, proportion
규모 | 规模 | scale, size
총액 | 总额 | total
수출액 | 出口额 | exports, export value
연구개발 투자 | 研发投入 | R&D investment, R&D spending
생산액 | 产值 | output value
지역 총생산 | 地区生产总值 | GDP, gross regional product
국내총생산 | 国内生产总值 | GDP
1인당 | 人均 | per capita
일자리 | 就业岗位 | jobs
순위 | 排名 | ranking, rank, ranked
지수 | 指数 | index
점수 | 得分, 分数 | score
1위 | 第一 | first place, top
상위 | 前列 | top
도시 | 城市 | city, cities
연결력 | 链接力 | connectivity
밀집도 | 密度 | density
업스트림 | 上游 | upstream
다운스트림 | 下游 | downstream
미들스트림 | 中游 | midstream
산업 체인 | 产业链 | industrial chain, industry chain
항공기 | 飞行器, 航空器 | aircraft
감항 | 适航 | airworthiness
시험 비행 | 试飞 | test flight
비행 | 飞行 | flight, flights
배송 | 配送 | delivery
즉시 배송 | 即时配送 | instant delivery
냉장 | 冷藏, 冷链 | cold chain, refrigerated
창고 | 仓库, 仓储 | warehouse, warehousing
농산물 | 农产品 | agricultural products, farm products
농촌 | 农村 | rural
도매 | 批发 | wholesale
소매 | 零售 | retail
제조 | 制造 | manufacturing
전자정보 제조업 | 电子信息制造业 | electronic information manufacturing, electronics manufacturing
디지털 전환 | 数字化转型 | digital transformation
공장 | 工厂 | factory, plant
스마트 공장 | 智能工厂 | smart factory
산업단지 | 园区 | industrial park, park
유니콘 | 独角兽 | unicorn, unicorns
가젤 기업 | 瞪羚企业 | gazelle companies, gazelle enterprises
인큐베이션 | 孵化 | incubation
창업 지원 기관 | 众创空间 | maker space, startup support organization
협약 | 协议 | agreement
공동 연구 | 联合研发, 合作研发 | joint research
협력 | 合作 | cooperation, partnership, collaboration
교류 | 交流 | exchange
회의 | 会议 | meeting, conference
개막 | 开幕 | opening, opened
발표회 | 发布会 | launch event
연설 | 演讲, 致辞 | speech, address
주최 | 主办 | host, organizer, organized
주관 | 承办 | organizer
참석 | 出席 | attend, attended
기조연설 | 主旨演讲 | keynote
실물 경제 | 实体经济 | real economy
`;

function parseSeed(text: string): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [ko = '', zh = '', en = ''] = line.split('|').map((s) => s.trim());
    const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);
    out.push({ ko, zh: list(zh), en: list(en), count: 0 });
  }
  return out;
}

/** The seed entries (count 0: not seen in a report). */
export const SEED_GLOSSARY: readonly GlossaryEntry[] = Object.freeze(parseSeed(SEED));
