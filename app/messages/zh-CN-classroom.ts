/** 课堂相关文字（投影模式、扫码加入、教师视图）。 */
import type { ClassroomMessages } from './classroom-types';

export const classroom: ClassroomMessages = {
  projector: {
    label: '投影模式',
    help: '大字号、高对比度，适合投影；本浏览器会记住这个设置。',
  },
  logScale: {
    label: '对数坐标',
    help: '对数坐标能在同一张图上看清 1 毫秒和 500 毫秒；线性坐标下，轮询的长条会把三种 WebSocket 传输压得看不见。',
  },
  join: {
    heading: '用自己的电脑加入',
    help: '同一网络里的同学打开这个地址，或扫描二维码。',
    loopbackOnly: '服务器只在本机监听。用 HOST=0.0.0.0 启动，同学们才能加入。',
    qrLabel: (url) => `${url} 的二维码`,
    show: '加入',
    hide: '收起二维码',
    loading: '正在查找地址…',
    failed: (reason) => `读取加入地址失败：${reason}`,
  },
  instructor: {
    nav: '教师视图',
    heading: '谁在线',
    intro: '每个命名空间里的全部聊天客户端，以及它们用的传输方式和所在房间，数据直接来自服务器。',
    namespace: (name) => `命名空间 ${name}`,
    empty: '这个命名空间里还没有人连接。',
    total: (clients) => `共 ${clients} 个客户端`,
    perTransport: (transport, clients) => `${transport}：${clients}`,
    columns: { name: '名字', id: '客户端 ID', transport: '传输方式', rooms: '房间' },
    noRooms: '不在任何房间',
    refreshed: (time) => `${time} 从服务器读取；每 2 秒刷新一次。`,
    failed: (reason) => `读取在线名单失败：${reason}`,
  },
};
