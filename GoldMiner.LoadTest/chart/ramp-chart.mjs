// Draws the load test's ramp JSON as an SVG: throughput (digs/s, bars) and dig round trip /
// opponent latency p99 (lines, ms, log axis) against the number of rooms, with Apache ECharts'
// server-side SVG renderer. Usage: node ramp-chart.mjs <ramp.json> <out.svg>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as echarts from 'echarts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node ramp-chart.mjs <ramp.json> <out.svg>');
  process.exit(2);
}

const ramp = JSON.parse(readFileSync(input, 'utf8'));
const levels = ramp.levels;
const rooms = levels.map((l) => String(l.rooms));
const machine = ramp.machine;

const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 860, height: 480 });
chart.setOption({
  animation: false,
  backgroundColor: '#ffffff',
  title: {
    text: `GoldMiner ramp (${ramp.mode === 'paced' ? 'paced' : 'full speed'}, ${ramp.secondsPerLevel} s per level)`,
    subtext: `${machine.cores} cores, ${machine.cpu}, shared with the load generator; .NET ${machine.runtime}`,
    left: 'center',
  },
  legend: { top: 66, data: ['digs/s', 'digs per server CPU-s', 'round trip p99 (ms)', 'opponent p99 (ms)'] },
  grid: { top: 110, left: 75, right: 75, bottom: 55 },
  xAxis: { type: 'category', name: 'rooms (2 players each)', nameLocation: 'middle', nameGap: 32, data: rooms },
  yAxis: [
    { type: 'value', name: 'digs per second', position: 'left' },
    { type: 'log', name: 'p99 latency (ms)', position: 'right', logBase: 10, min: 0.1 },
  ],
  series: [
    {
      name: 'digs/s',
      type: 'bar',
      yAxisIndex: 0,
      data: levels.map((l) => Math.round(l.digsPerSecond)),
      label: { show: true, position: 'top' },
      itemStyle: { color: '#d4a017' },
    },
    {
      name: 'digs per server CPU-s',
      type: 'bar',
      yAxisIndex: 0,
      data: levels.map((l) => Math.round(l.digsPerServerCpuSecond ?? 0)),
      label: { show: true, position: 'top' },
      itemStyle: { color: '#8c6d1f' },
    },
    {
      name: 'round trip p99 (ms)',
      type: 'line',
      yAxisIndex: 1,
      data: levels.map((l) => Math.max(0.1, l.roundTrip.p99Ms)),
      label: { show: true, formatter: (p) => p.value.toFixed(1) },
      itemStyle: { color: '#c0392b' },
    },
    {
      name: 'opponent p99 (ms)',
      type: 'line',
      yAxisIndex: 1,
      lineStyle: { type: 'dashed' },
      data: levels.map((l) => Math.max(0.1, l.opponent.p99Ms)),
      itemStyle: { color: '#2c3e50' },
    },
  ],
});

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, chart.renderToSVGString());
chart.dispose();
console.log(`wrote ${output}`);
