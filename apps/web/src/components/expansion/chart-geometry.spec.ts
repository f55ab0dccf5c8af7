import { stackedBars } from './chart-geometry';

describe('the stage chart', () => {
  it('stacks each province’s stages in order on one scale', () => {
    const [battambang, siemReap, kampot] = stackedBars(
      [
        { code: 'KH-2', label: 'Battambang', counts: { identified: 2, participant: 2 }, total: 4 },
        { code: 'KH-17', label: 'Siem Reap', counts: { assessment: 1 }, total: 1 },
        { code: 'KH-7', label: 'Kampot', counts: {}, total: 0 },
      ],
      200,
    );
    expect(battambang.map((s) => [s.stage, s.x, s.width])).toEqual([
      ['identified', 112, 100],
      ['participant', 212, 100],
    ]);
    expect(siemReap).toEqual([{ stage: 'assessment', count: 1, x: 112, width: 50 }]);
    expect(kampot).toEqual([]);
  });
});
