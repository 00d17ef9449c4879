import { describe, expect, it } from 'vitest';
import { expectNotSuggested, expectSuggested, skill, suggested } from './extraction.test-support.ts';

/**
 * Chinese wordings found owned by the wrong concept, or firing inside a longer word, by the helpers' probes and audits
 * of whole ads and CVs (sessions 10–11): each move or removal keeps a regression here.
 */
const operateForklift = skill('28cb374e-6261-4133-8371-f9a5470145da');

describe('Chinese wordings reach their own skill and no other', () => {
  it('Chinese care and special-education wordings: 自闭症 is autism, 执行医嘱 carries out orders, IEP is no IE', () => {
    const rehab = suggested('负责自闭症儿童康复，执行医嘱，制定个别化教育计划（IEP）', 'zh');
    expect(rehab).toEqual(
      expect.arrayContaining([
        skill('586c5e11-b70d-499b-8589-b67e1ff3cc93'),
        skill('7666e121-32a4-40c9-90a7-6dc024985475'),
        skill('29ca8fd4-40c1-494c-85ea-525f1ab4aa8c'),
      ]),
    );
    for (const wrong of ['8e839bce-38f0-472d-8792-9b7c12b197ef', 'a1816dfd-dbdc-4499-bef3-ff81dd895b33'])
      expect(rehab).not.toContain(skill(wrong));
  });

  it('Chinese sales and e-commerce wordings: 电销 is telemarketing, 顾客咨询 no consultation, 店铺活动 no event planning', () => {
    expect(suggested('有电销经验，能通过电话开发意向客户', 'zh')).toContain(
      skill('16132f2b-cf61-4c53-ae8d-9023a8bab90b'),
    );
    const service = suggested('负责在线客服工作，及时回复顾客咨询', 'zh');
    expect(service).toContain(skill('cace7a77-38b7-4cdf-8171-e17692bef5f6'));
    expect(service).not.toContain(skill('4b3c8605-819d-4b38-83fc-f23663e78dc9'));
    const shop = suggested('负责淘宝天猫店铺的日常运营，策划店铺活动', 'zh');
    expect(shop).toContain(skill('9c6e951f-aa88-4890-983d-e7a6ee49f5bb'));
    expect(shop).not.toContain(skill('a4b7f1be-7058-45e4-ac90-66580499187f'));
  });

  it('Chinese factory wordings: 成型 is no shoe lasting, 装箱 is packing, 挡车工 and 针车工 are no lathe work', () => {
    const mooncake = suggested('月饼生产线操作工，负责成型、烘烤', 'zh');
    expect(mooncake).toContain(skill('5626b3b1-5415-47f6-acf1-b573d457d180'));
    expect(mooncake).not.toContain(skill('7c7cf091-5139-4a1d-a6cd-0df9edc8f34d'));
    const packing = suggested('食品厂招生产操作工，负责产品包装、装箱', 'zh');
    expect(packing).toContain(skill('667cbbaf-f377-46d8-8f2d-1f6d8a55d74a'));
    expect(packing).not.toContain(skill('3c73898b-04a6-4e3a-b84a-3a032277c916'));
    for (const text of ['纺织厂招挡车工，看管织布机', '制鞋厂招针车工，做运动鞋鞋面', '箱包厂招皮具车工，会做手袋'])
      expect(suggested(text, 'zh'), text).not.toContain(skill('e4a9ec84-4eb3-494b-8a70-0fcf0d687f03'));
  });

  it('Chinese design and media wordings: 广告学专业 is no chemistry, POP海报 no purchase order, 同传/交传 are interpreting', () => {
    const major = suggested('本科学历，广告学专业，有4A广告公司实习经历', 'zh');
    expect(major).toContain(skill('aba1f05b-f312-47d8-be71-7c574134de8f'));
    expect(major).not.toContain(skill('cde9911c-f92e-4de1-811f-336e177ac4ce'));
    const pop = suggested('负责门店POP海报、价格牌的设计制作', 'zh');
    expect(pop).toContain(skill('7fb699d9-182a-430e-b7a0-6d8ed05c284b'));
    expect(pop).not.toContain(skill('73225018-7139-433b-bdba-2b90774761d9'));
    expect(suggested('具备会议同传和交传经验', 'zh')).toEqual(
      expect.arrayContaining([
        skill('92d04a10-eff2-4190-b5da-85e419f8ebbd'),
        skill('321f7ade-ba43-4923-a432-54df75ec80a5'),
      ]),
    );
  });

  it('Chinese ad perks fire no duty: 可以做饭, 每月15号发工资, 有师傅带教 are benefits, not cooking, payroll or training', () => {
    expect(suggested('包住宿，宿舍有空调热水器，可以做饭', 'zh')).not.toContain(
      skill('f3934441-4bff-4076-9945-e6c51a01c467'),
    );
    expect(suggested('工作稳定，不压工资，每月15号发工资', 'zh')).not.toContain(
      skill('af0f7625-b9fc-4f97-a71d-d7c7648bfc35'),
    );
    expect(suggested('有老师傅带教，包教包会', 'zh')).not.toContain(skill('e54ff029-1ce9-447d-a5b2-eb7283a23e6e'));
    expect(suggested('负责做饭、打扫卫生、接送孩子', 'zh')).toContain(skill('f3934441-4bff-4076-9945-e6c51a01c467'));
  });

  it('CV in a Chinese ad is a résumé, not computer vision (it was an alias; PECVD holds it too)', () => {
    for (const text of ['有意者请将个人CV发送至邮箱', '负责PECVD设备的日常维护'])
      expect(suggested(text, 'zh'), text).not.toContain(skill('7b0d5000-00da-4864-b776-6de49a87a669'));
    expect(suggested('熟悉机器视觉和图像识别', 'zh')).toContain(skill('7b0d5000-00da-4864-b776-6de49a87a669'));
  });

  it('Chinese logistics and site wordings: 叉车工 is no lathe, NVR no VR, 给排水 no drainage, 上门安装 no door fitting', () => {
    const wrong: Array<[string, string]> = [
      ['招聘叉车工2名，长白班', 'e4a9ec84-4eb3-494b-8a70-0fcf0d687f03'],
      ['熟悉海康、大华监控设备及NVR配置', '5da42cfd-1da8-4e4f-b68e-4f821d005fc5'],
      ['熟悉海康、大华监控设备及NVR配置', '188048ff-18bf-43c4-a1a0-7adb6e68f421'],
      ['持C1驾照，驾龄3年以上，无重大事故记录', 'e8f80ec5-c423-4eb2-9f0f-805d22f844ae'],
      ['负责控制工程质量和进度', 'bf1f763e-c505-46e7-8af3-e48f13ec5f44'],
      ['负责来往文件的收发、登记', '2cae39d6-78c2-4ce3-bee8-628504371463'],
      ['负责竣工结算及审计对接', 'bdcac0c8-b77a-4640-9eaf-c0cf3efd1e23'],
      ['负责运费核算、对账', '880c54f9-866e-4f37-b5fa-25ef8a7d49b6'],
      ['负责防水施工，会做卫生间防水', '4f1b6304-f54a-42f0-9604-5427a28d240f'],
      ['负责电梯、消防、给排水等设备的日常巡查', '5b58e283-a359-4b55-b10d-b0047b2fb7db'],
      ['负责电梯、消防、给排水等设备的日常巡查', 'e95dc989-ae49-49c6-bfc4-9aef35e92f35'],
      ['负责宽带、IPTV的上门安装及故障维修', 'cd70c768-aab6-46e6-8fb4-3aad7fe4b4cb'],
      ['负责家装工地的现场管理', '5598739b-6718-4cff-8402-91d7f65b1505'],
      ['负责货车的年审、保险办理', '89ff28d6-342c-435d-83aa-83e71dbbbc96'],
    ];
    expectNotSuggested(wrong, 'zh');
    expect(suggested('招聘叉车工2名，长白班', 'zh')).toContain(operateForklift);
    expect(suggested('负责仓库物料的收发及账目登记', 'zh')).toContain(skill('2cae39d6-78c2-4ce3-bee8-628504371463'));
    expect(suggested('负责银行现金押运', 'zh')).toContain(skill('64159e7c-78d9-4f27-8c44-432cc52227c1'));
  });

  it('Delta factory ads and vocational CVs: course, card, part and school names fire no other trade (round J, j1)', () => {
    const wrong: Array<[string, string]> = [
      ['专业课程：机械制图、公差配合与测量技术', '1cca610d-2afc-44a7-97fc-f2262fb5fc75'], // surveying
      ['负责制程巡检、首件确认、不良品统计', '7ee4c2ea-b349-4bd2-81a3-ec31475d4833'], // statistics
      ['能看懂焊接图纸和焊接工艺卡', 'd73a88a6-6325-4c2b-887c-5d598580afad'], // develop new welding techniques
      ['负责汽车内饰、底盘零部件的装配', '1da6ee69-335b-48a7-b806-ee487807c0e4'], // provide customized upholstery
      ['参加全国职业院校技能大赛获二等奖', '9cdec88a-fe17-4f9a-9247-1f1802ab7408'], // post-secondary school procedures
      ['会机器人示教编程，熟悉ABB机器人', '21d2f96d-35f7-4e3f-9745-c533d2dd6e97'], // computer programming
      ['车间主任（新能源汽车电池包车间）', '3a5275f4-67e5-4371-a31e-68291aa86691'], // vehicle electrical systems
      ['3年以上汽车主机厂焊装机器人调试经验', '7ffae77a-93ce-40a3-af99-fae5729e8b15'], // assemble robots
      ['维护检验设备和量具的校准', '8557f2f8-7ff3-47d8-bdb4-b9608dee906e'], // maintain medical laboratory equipment
      ['熟悉电力拖动控制线路安装接线', '0c627853-241e-405b-9044-aaff6bca133e'], // install power lines
      ['依据检验标准对原材料进行抽样检验', '46e1b714-94f4-462d-88e6-31f442708812'], // define manufacturing quality criteria
    ];
    expectNotSuggested(wrong, 'zh');
    expect(suggested('专业课程：公差配合与测量技术', 'zh')).toContain(skill('a181e89d-44ae-40e7-8d37-177071237c74'));
    expect(suggested('负责汽车内饰件装配', 'zh')).toContain(skill('6a152c3a-5d86-4d3f-a21e-ac14c80bd152'));
    expect(suggested('熟悉测量技术，会使用全站仪', 'zh')).toContain(skill('1cca610d-2afc-44a7-97fc-f2262fb5fc75'));
  });

  it('office-job ads: 装订 files, 有亲和力, 经济开发区, 面谈 a client, 跟单 and 统计 a count fire no wrong skill', () => {
    const zh = (id: string, text: string, fires: boolean) =>
      fires
        ? expect(suggested(text, 'zh'), text).toContain(skill(id))
        : expect(suggested(text, 'zh'), text).not.toContain(skill(id));
    const bindBooks = 'e5b4fa36-c710-46d8-a451-f225a044aca4';
    zh(bindBooks, '负责文件的打印、复印、扫描、装订及归档', false);
    zh(bindBooks, '印刷厂招装订工，负责画册装订、胶装', true);
    zh('b5af495b-61f1-4330-9891-dca56d97d714', '性格开朗，有亲和力，普通话标准', false);
    zh('88af9294-b697-4687-ae19-aefbb6234dfa', '工作地点：苏州工业园区经济开发区', false);
    zh('88af9294-b697-4687-ae19-aefbb6234dfa', '经济学专业毕业', true);
    zh('66d47084-9437-48b2-819b-c4c8214ed650', '邀约客户到公司面谈，促成签单', false);
    zh('50181a4b-1cfd-4fbd-ac9a-c1a494b9c5d0', '负责外贸跟单工作', false);
    zh('2aed5d29-15c3-44ba-bb5c-80750a815b3c', '负责外贸跟单工作', true);
    zh('7b3abd38-61ae-42a4-88bb-0884784f9ee1', '参与技术方案评审', false);
    zh('9af252ce-bf4d-411b-8daa-beb91df4257d', '通过展会、谷歌等渠道开发海外客户', false);
    zh('9af252ce-bf4d-411b-8daa-beb91df4257d', '负责经销商渠道开发', true);
    zh('7ee4c2ea-b349-4bd2-81a3-ec31475d4833', '负责库存数量的统计', false);
    zh('7ee4c2ea-b349-4bd2-81a3-ec31475d4833', '统计学专业，熟悉统计方法', true);
    zh('e883d55a-75ae-460b-ba0a-47fecf14f1b3', '负责亚马逊平台的产品上架、Listing撰写', false);
  });

  it('Chinese service-ad wordings: 缴纳社保公积金 is a perk, 药品管理 no pharmacy law, 维修进度 no vehicle repair', () => {
    const payroll = skill('9d916d7c-89b3-4084-a6d9-e2b0b3091404');
    const benefits = skill('a4e50b95-8962-4408-81f9-f5de71461276');
    for (const text of ['入职缴纳社保公积金', '公司为员工缴纳社保公积金']) {
      expect(suggested(text, 'zh'), text).not.toContain(payroll);
      expect(suggested(text, 'zh'), text).not.toContain(benefits);
    }
    expect(suggested('负责护理站的药品管理和物品请领', 'zh')).not.toContain(
      skill('34d247a0-23da-42d4-872e-df4698c1d5c1'),
    );
    expect(suggested('负责处理业主报修，跟进维修进度', 'zh')).not.toContain(
      skill('f5798f9c-42a3-4a54-b4c2-ec33a2ddd863'),
    );
    expect(suggested('做好原材料验收、食材储存和成本控制', 'zh')).not.toContain(
      skill('50f2d23c-b3fb-48a5-967b-14fd0a6dd205'),
    );
    expect(suggested('解答客人咨询，处理客人投诉', 'zh')).not.toContain(skill('4b3c8605-819d-4b38-83fc-f23663e78dc9'));
  });

  it('Chinese hospital, lab and pharma ads: 物料管理, 护理记录, PICC, 供应商审计, 临床评价 and 器械打包 fire their own skills (round K, k2)', () => {
    const zh = (id: string, text: string, fires: boolean) =>
      fires
        ? expect(suggested(text, 'zh'), text).toContain(skill(id))
        : expect(suggested(text, 'zh'), text).not.toContain(skill(id));
    zh('c0799f81-9955-463a-b071-4f1c82719aa8', '负责诊室的卫生及物料管理', false); // promotional material
    zh('143d889d-3128-45af-805b-a2d5a1d501c7', '负责物料管理，保证生产用料', true);
    zh('c0799f81-9955-463a-b071-4f1c82719aa8', '负责市场推广物料管理', true);
    zh('5d7890d5-d229-4b79-a5da-6819e38a52b6', '做好生命体征监测及护理记录书写', false); // health records management
    zh('9a7cc3c2-b529-44a4-ab8e-f04fc91362e2', '做好护理记录', true);
    zh('2b9f4584-da2e-44e2-a2fb-4dd4fc64c1a2', '熟悉PICC维护及导管护理', false); // integrated circuits
    zh('2b9f4584-da2e-44e2-a2fb-4dd4fc64c1a2', '负责IC芯片的测试', true);
    zh('89ff28d6-342c-435d-83aa-83e71dbbbc96', '负责供应商审计和质量协议', false); // financial audits
    zh('d83cba15-8511-4d07-b89a-9fde0d1d8241', '负责供应商审计和质量协议', true);
    zh('0f551181-e1af-47e2-b2d8-ff9f4e011ecd', '跟进注册检验、临床评价及技术审评发补', false); // clinical assessment
    zh('0f551181-e1af-47e2-b2d8-ff9f4e011ecd', '熟悉临床评估方法', true);
    zh('667cbbaf-f377-46d8-8f2d-1f6d8a55d74a', '负责器械的清洗、消毒、打包及灭菌', false); // pack goods
    zh('667cbbaf-f377-46d8-8f2d-1f6d8a55d74a', '负责仓库货物打包', true);
  });

  it('graduate CVs: course, part-time job and campus-role names fire their own skill, not a neighbour (round K, k1)', () => {
    const wrong: Array<[string, string]> = [
      ['主修课程：外科护理学、儿科护理学', '508f3b4c-799a-4742-b3ae-75f2ff11153d'], // surgery
      ['主修课程：消费者行为学、组织行为学', '269b8734-fa1d-4c6f-a843-523fa3bbae6e'], // behavioural science
      ['主修课程：数控加工编程、CAD/CAM', '21d2f96d-35f7-4e3f-9745-c533d2dd6e97'], // computer programming
      ['计算机科学与技术专业本科', '89f6560b-2194-45c9-9ece-d33049a73eef'], // computer engineering
      ['在图书馆勤工俭学，负责图书整理上架', 'e883d55a-75ae-460b-ba0a-47fecf14f1b3'], // store warehouse goods
      ['担任新生班主任助理，协助辅导员管理新生', '0cc9c234-f817-4f4c-908a-4d28fe3b0f4a'], // coach employees
      ['负责品牌管理工作', '56a2fa94-a66d-40c6-a444-35888cdefa60'], // manage work
    ];
    expectNotSuggested(wrong, 'zh');
    const right: Array<[string, string]> = [
      ['主修课程：外科护理学', '848c6821-5578-4104-9060-f1bf75bb3a80'],
      ['主修课程：消费者行为学', '750caee5-12a0-46ba-b8aa-1e56370deaf9'],
      ['熟悉行为科学理论', '269b8734-fa1d-4c6f-a843-523fa3bbae6e'],
      ['能独立完成数控加工编程', 'bf942c60-8539-4951-83ee-63f770da1cb8'],
      ['计算机科学与技术专业本科', '7b5cce4d-c7fe-4119-b48f-70aa05391787'],
      ['在学校实训中心完成钳工实训、车工实训', '37800bb3-4fbc-4786-9e3d-9266bb61f20e'],
      ['在学校实训中心完成钳工实训、车工实训', 'e4a9ec84-4eb3-494b-8a70-0fcf0d687f03'],
      ['协助医生完成外科手术', '508f3b4c-799a-4742-b3ae-75f2ff11153d'],
    ];
    expectSuggested(right, 'zh');
  });

  it('e-commerce, new-media, sales and call-centre wordings: 用户心理 is no psychology, 录音抽检 no product inspection (round K, k3)', () => {
    const insight = suggested('了解消费者心理，懂用户心理', 'zh');
    expect(insight).toContain(skill('05fc6f8d-639c-4329-a6de-dfdd800ed091'));
    expect(insight).not.toContain(skill('bfe4f330-d595-48c7-ab3c-f309471d6953'));
    expect(suggested('熟悉抖音算法和流量推荐机制', 'zh')).not.toContain(skill('54924a2c-daca-40d3-9716-4b38ceb04f38'));
    const video = suggested('负责视频的后期包装', 'zh');
    expect(video).toContain(skill('8afe68ff-b261-4fa8-ab25-bb30b0e5c292'));
    expect(video).not.toContain(skill('667cbbaf-f377-46d8-8f2d-1f6d8a55d74a'));
    const records = suggested('负责录入和维护客户信息', 'zh');
    expect(records).toContain(skill('c753a3b5-d5cc-406d-adfe-3372bb267f4b'));
    expect(records).not.toContain(skill('2239694b-771a-4586-8b54-2794e361a9ae'));
    expect(suggested('组织招商会，开发加盟商', 'zh')).not.toContain(skill('2c4b6914-4b97-4e35-85cb-e6602a8bb04a'));
    expect(suggested('有客服质检经验，负责录音抽检', 'zh')).not.toContain(
      skill('1a3660c2-011c-4e96-9b1d-529afc305428'),
    );
    expect(suggested('会使用Excel做销售报表', 'zh')).not.toContain(skill('450de541-797a-4da0-9fe4-a81471c8047d'));
    expect(suggested('解答客户关于产品的咨询', 'zh')).not.toContain(skill('4b3c8605-819d-4b38-83fc-f23663e78dc9'));
  });

  it('school, kitchen, hotel and leisure ads: 自助餐, 出品, 带班, NASM, 问询服务 fire no other trade (round K, k4)', () => {
    const wrong: Array<[string, string]> = [
      ['负责早餐自助餐的摆台和补餐', '24f980ba-b44f-4739-b563-205104c3190d'], // provide basic support to patients
      ['负责包子、馒头等中式面点的制作，早餐档口出品', 'bb84d739-1b06-477b-9195-251650bb3c14'], // culinary finishing
      ['熟悉小学英语教材，能独立带班', '1f1d2ff8-c4c1-45cc-9812-6a7ee84a73cb'], // lead a team
      ['有国职或ACE/NASM证书，有减脂增肌成功案例', 'a7f0fbe0-c546-4f30-8e41-34a58c64567e'], // data storage
      ['接听电话，处理预订，提供问询服务', '84fc058f-3a38-4a87-86c1-ce906660af31'], // information to passengers
      ['认真备课、上课、批改作业', '128f0b4c-8da7-467b-9196-7c691e067a1e'], // assign homework
      ['熟悉大众点评、美团运营', '5284ecee-93dd-4145-a3c0-584af836c69e'], // e-tourism platforms
      ['邀约试听课，促成签约', '5fe2e5e7-b8a2-4072-b527-f82f3169d989'], // facilitate official agreement
    ];
    expectNotSuggested(wrong, 'zh');
    expect(suggested('认真备课、上课、批改作业', 'zh')).toContain(skill('6fe019dd-027f-45f3-b19c-d27f7ae00980'));
    expect(suggested('负责生产线带班，管理20名员工', 'zh')).toContain(skill('9581639c-e521-4d12-9b4e-25faca24d34b'));
    expect(suggested('协助老人助餐助浴', 'zh')).toContain(skill('24f980ba-b44f-4739-b563-205104c3190d'));
    expect(suggested('熟悉NAS存储', 'zh')).toContain(skill('a7f0fbe0-c546-4f30-8e41-34a58c64567e'));
  });

  it('三好学生 is a school award, not a willingness to learn; 勤奋好学 is', () => {
    const willing = skill('9bf266a6-188b-4d17-a22f-2f266d76832b');
    expect(suggested('获得校三好学生称号', 'zh')).not.toContain(willing);
    expect(suggested('勤奋好学，责任心强', 'zh')).toContain(willing);
  });

  it('factory, garage and property ads: 工装夹具, 披锋, 定期保养, 灯具, 抄表, 水电维修, 总装车间, WPS fire no other trade (round L, zha)', () => {
    const wrong: Array<[string, string]> = [
      ['做好设备点检和工装夹具的维护', 'b500c0dc-4810-4260-a8bb-2b6bc714d556'], // produce customised tools
      ['分析并解决产品缺陷如缩水、披锋、困气', '57bfdb33-a0fb-4ae6-a3f9-6da495a18783'], // trim excess material
      ['负责新能源车辆的定期保养、故障诊断和维修', 'a7b9039e-0145-4e3e-bbf8-30151d3e6cc0'], // schedule regular machine maintenance
      ['处理业主报修，更换灯具、开关插座、水龙头', '89f88666-e7cf-4659-9f6f-3a6ff65789b7'], // furniture, carpet and lighting products
      ['负责配电房、水泵房的巡视和抄表', '25bd8287-a5e9-4378-abff-a09d0a637604'], // read gas meter
      ['负责小区的水电维修', '8755734c-2919-41a3-9ca6-1e3d1f169213'], // install plumbing systems
      ['负责总装车间的拧紧工位和终检', '09d79759-316b-48fe-b95d-a7b5954fb74f'], // supervise motor vehicles manufacture
      ['负责编制焊接工艺评定(WPS/PQR)', 'cf310cff-0d28-4dbc-9dbb-cc500a3196c2'], // office software
      ['熟悉水性漆调色', 'e040fb97-ac17-4cd0-bf74-7e96c83811b6'], // apply wood finishes
    ];
    expectNotSuggested(wrong, 'zh');
    expect(suggested('负责新能源车辆的定期保养', 'zh')).toContain(skill('0ea0b260-617b-4d04-bf00-988dd0b122e5'));
    expect(suggested('处理业主报修，更换灯具', 'zh')).toContain(skill('6f8d750e-aba4-459c-b4d7-220bddff9f58'));
    expect(suggested('负责小区的水电维修', 'zh')).toContain(skill('6768f208-f11e-4a07-8644-c59d5e035b76'));
    expect(suggested('负责工装夹具的设计与制作', 'zh')).toContain(skill('b500c0dc-4810-4260-a8bb-2b6bc714d556'));
    expect(suggested('有叉车证优先，会开行车者优先', 'zh')).toContain(skill('c3d61bcf-e698-4d39-8db1-388284dbfc74'));
    expect(suggested('熟练使用WPS、Excel等办公软件', 'zh')).toContain(skill('cf310cff-0d28-4dbc-9dbb-cc500a3196c2'));
  });

  it('service and graduate ads: 房间整洁, 家访, 订单处理, AI, 处方, 中控, CI/CD fire no other trade (round L, zhb)', () => {
    const wrong: Array<[string, string]> = [
      ['保持老人房间整洁卫生', '50e2757f-ba69-46ce-98a4-a1e95051cfbe'], // service rooms
      ['做好家园沟通，定期家访', '4b34864d-78a4-457e-8d91-0ab9296db890'], // arrange parent teacher meeting
      ['熟练操作ERP系统，负责订单处理和发货跟踪', '345486f3-f265-4fc8-8ed0-5e96e768e333'], // process booking
      ['熟练使用PS、AI等设计软件', 'e465a154-93f7-4973-9ce1-31659fe16dd2'], // principles of artificial intelligence
      ['负责门诊处方的审核与调配', '8eab4e4f-03f8-4a66-a830-ec4e5db43253'], // prescribe medication
      ['负责直播间的中控和场控', '0a0532c2-ee60-4410-8e07-70e4d69370ec'], // operate automated process control
      ['熟悉K8s和CI/CD流程', 'f47a1998-0beb-43be-9f46-380aa4d183da'], // Jenkins
      ['负责老人的皮肤护理和压疮预防', 'cbe6e2a5-f7bc-4162-9803-fcb9ecd86052'], // perform facial treatment
      ['负责集装箱的装箱和拖车安排', '667cbbaf-f377-46d8-8f2d-1f6d8a55d74a'], // pack goods
      ['跟踪货物动态，及时向客户反馈', '89ba58e8-a67e-4d2b-ad42-6acab25c241b'], // measure customer feedback
      ['负责项目的报价和投标', 'cd5efa8c-e44d-4cbc-91c6-796018dbed68'], // perform project management
    ];
    expectNotSuggested(wrong, 'zh');
    expect(suggested('定期家访', 'zh')).toContain(skill('efe801a5-8704-4def-8a96-c32f7a6cb9fb'));
    expect(suggested('负责订单处理', 'zh')).toContain(skill('ec66b111-d8d0-4516-88ba-ee0b6fe6f695'));
    expect(suggested('熟练使用PS、AI等设计软件', 'zh')).toContain(skill('27b913f0-3c52-448b-ad27-fc6ef08fb326'));
    expect(suggested('具有处方权，能独立接诊', 'zh')).toContain(skill('8eab4e4f-03f8-4a66-a830-ec4e5db43253'));
    expect(suggested('负责项目进度管理', 'zh')).toContain(skill('cd5efa8c-e44d-4cbc-91c6-796018dbed68'));
    expect(suggested('熟悉DCS中控系统', 'zh')).toContain(skill('0a0532c2-ee60-4410-8e07-70e4d69370ec'));
    expect(suggested('记录客户反馈，完成满意度回访', 'zh')).toContain(skill('89ba58e8-a67e-4d2b-ad42-6acab25c241b'));
  });

  it('search box, Delta trades: QC, 汽车美容师, 4S店服务顾问 and 维修工 find their own concept first (round M, zma)', async () => {
    const { taxonomy } = await import('./extraction.test-support.ts');
    const occupation = (id: string) => `http://data.europa.eu/esco/occupation/${id}`;
    const topSkills = (q: string) => taxonomy.searchSkills({ q, lang: 'zh', limit: 3 }).map((h) => h.uri);
    const topOccupations = (q: string) => taxonomy.searchOccupations({ q, lang: 'zh', limit: 3 }).map((h) => h.uri);
    expect(topSkills('QC')[0]).toBe(skill('5d34adde-0b78-42b4-9d3d-69e9388d8398')); // oversee quality control, not QC circles
    expect(topOccupations('汽车美容师')[0]).toBe(occupation('7cb71c5f-c310-481c-b46b-d0044328758c')); // vehicle cleaner
    expect(topOccupations('4S店服务顾问')[0]).toBe(occupation('1663e9d9-857b-4efa-9ab6-886c7fc763f6')); // aftersales
    expect(topOccupations('维修工')[0]).toBe(occupation('615920c5-4f63-4eb3-8b60-afaaed3ab1ff')); // maintenance and repair engineer
    expect(topSkills('氩弧焊')).toContain(skill('a51adea8-bf02-488a-a0d8-b0961caca5b0'));
    expect(topSkills('叉车证')).toContain(operateForklift);
    // QC in running text is quality control, while QC小组 and QC七大手法 keep their own concepts
    expect(suggested('熟悉QC七大手法，参加过QC小组活动', 'zh')).not.toContain(
      skill('5d34adde-0b78-42b4-9d3d-69e9388d8398'),
    );
  });

  it('certificates in service and graduate ads: 教师资格证/教资 read as pedagogy, 护士资格证 as nursing science, CPA in an ad-metrics line names no skill (round M, zmb)', () => {
    const pedagogy = skill('a117f32c-662b-4dd9-b739-1230dd04cb60');
    const nursing = skill('d429b19a-132f-44d3-971b-bb0ccd94f979');
    expect(suggested('持有教师资格证，有幼儿园工作经验者优先', 'zh')).toContain(pedagogy);
    expect(suggested('本科以上学历，已取得或正在考教资', 'zh')).toContain(pedagogy);
    expect(suggested('持有护士资格证，能适应倒班', 'zh')).toContain(nursing);
    expect(suggested('持有护士资格证，能适应倒班', 'zh')).not.toContain(pedagogy);
    expect(suggested('负责阿里国际站店铺的日常运营', 'zh')).toContain(skill('b1272de4-1f5f-408b-8b26-061f2550fc72'));
    expect(suggested('熟悉抖音投放，关注CPA、ROI等指标', 'zh')).not.toContain(
      skill('ecc18804-a466-40d9-98b4-fba5cd67dd4b'),
    );
  });

  it('campus and graduate texts: a 校园招聘 heading is no recruiting skill, 生命体征测量 no measuring instrument, and 凭证录入 is accounting entries (round N, zgr)', () => {
    const recruit = skill('496932f1-0b6b-4f73-9432-d95c7ddcd43b');
    expect(suggested('【2027届校园招聘】储备干部（制造方向）', 'zh')).not.toContain(recruit);
    expect(suggested('负责公司招聘工作，拓展招聘渠道', 'zh')).toContain(recruit);
    expect(suggested('熟悉人力资源六大模块，擅长招聘与配置', 'zh')).toContain(recruit);
    const nursing = suggested('在带教老师指导下完成生命体征测量、静脉输液等基础护理操作', 'zh');
    expect(nursing).toContain(skill('60f826be-0c1b-413b-aad5-4f7546622e16'));
    expect(nursing).not.toContain(skill('b92758d4-4591-4df1-9ceb-f907aa71ebd9'));
    const ledger = suggested('协助完成凭证录入、对账及月末结账', 'zh');
    expect(ledger).toContain(skill('99b163e8-7815-43e2-83f3-a47f3076354c'));
    expect(ledger).not.toContain(skill('88564d2d-2dc9-4789-864a-f9cb73f389ec'));
    const ops = suggested('运用WMS系统分析运营数据，提出改善建议', 'zh');
    expect(ops).toContain(skill('e76f5374-f86d-431c-9704-475a38ce72be'));
    expect(ops).not.toContain(skill('c0fce59c-e227-4745-945f-95eb2f0bc03e'));
    expect(suggested('了解机器学习常用算法，发表过相关论文', 'zh')).toContain(
      skill('979cf728-896f-4f2c-8fa8-2698ca0d4930'),
    );
    expect(suggested('持有会计初级证书、ACCA在读', 'zh')).toContain(skill('ecc18804-a466-40d9-98b4-fba5cd67dd4b'));
  });

  it('Delta process plants: 运维 of a solar plant is no IT, 日常保养 no cleaning, 服从倒班安排 is shift work, 污水处理 and 生化系统 are waste water treatment (round O, zho)', () => {
    expect(suggested('负责光伏电站的运维与巡检', 'zh')).not.toContain(skill('0868eef3-2213-4572-9343-74931345a7d3'));
    expect(suggested('负责锅炉的运行与日常保养', 'zh')).not.toContain(skill('1448431a-4fe5-4ca3-83db-665e0df3f130'));
    const shifts = suggested('会使用Excel，能吃苦耐劳，服从倒班安排', 'zh');
    expect(shifts).toContain(skill('6f2721bf-40ad-4f5d-8774-a478d1d6f5a6'));
    expect(shifts).not.toContain(skill('85aa1871-db96-42f7-801f-c39f924de2d7'));
    const intake = suggested('负责原料验收及入库登记', 'zh');
    expect(intake).toContain(skill('267399ec-f364-4892-9265-906b413583ce'));
    expect(intake).not.toContain(skill('341cf309-746c-4437-ad14-e0a0ee13eacc'));
    const sewage = suggested('负责污水处理厂生化系统的工艺调整，编写运行报表', 'zh');
    expect(sewage).toContain(skill('5206a9b8-8337-4f0b-ae00-163a2f55d8cf'));
    for (const wrong of ['1d4b74b0-1a48-48ec-a3cd-26cca0c212a3', '60f51172-37c0-4933-a27a-cbf55dcd7580'])
      expect(sewage).not.toContain(skill(wrong));
    expect(suggested('负责电芯生产工艺（搅拌、涂布、辊压）的优化', 'zh')).not.toContain(
      skill('e52d79c7-c1be-47d9-84ed-81af18d67931'),
    );
  });

  it('commercial jobs: 负责带团 is no staff training, 生鲜损耗控制 no theft prevention, 商品的上架 is shelving and 认真细致 attention to detail (round O, zhp)', () => {
    const trainEmployees = skill('e54ff029-1ce9-447d-a5b2-eb7283a23e6e');
    expect(suggested('负责带团出行，做好游客的讲解和服务', 'zh')).not.toContain(trainEmployees);
    expect(suggested('负责带团出行，做好游客的讲解和服务', 'zh')).toContain(
      skill('a7c51c48-802c-44ee-a40e-79b18b1d4365'),
    );
    expect(suggested('负责带教实习生', 'zh')).toContain(trainEmployees);
    expect(suggested('负责生鲜商品的损耗控制及保质期检查', 'zh')).not.toContain(
      skill('efe5d94c-2249-4a50-8c44-6e77331c698d'),
    );
    const shelves = suggested('负责商品的上架、补货、整理及陈列', 'zh');
    expect(shelves).toContain(skill('7e9daad3-8604-4839-af9b-dc6f8db3ef68'));
    expect(shelves).not.toContain(skill('e883d55a-75ae-460b-ba0a-47fecf14f1b3'));
    const teller = suggested('工作认真细致，责任心强', 'zh');
    expect(teller).toContain(skill('83e6510b-ffeb-4aec-959c-4265fd0ff7b7'));
    expect(teller).not.toContain(skill('5b394ba8-5d40-40d9-b771-5df6ea9ac436'));
    expect(suggested('负责测试脚本撰写及自动化测试', 'zh')).not.toContain(
      skill('d822b4b2-26c7-4bd9-970d-229c6504f615'),
    );
  });
});
