import NodeEnvironment from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';

/**
 * Node's test environment plus a global `setDeviceTimeZone(zone)`, to run the same assertions as
 * if the phone were set to another time zone. A test file cannot do this itself: jest gives it a
 * copy of `process.env`, so `process.env.TZ = …` there never reaches Node. This class runs outside
 * the sandbox, on the worker's real `process.env`, where assigning TZ makes Node (≥ 13) reset its
 * time-zone cache at once, for every context of the process. The zone is restored at teardown.
 */
export default class DeviceTimeZoneEnvironment extends NodeEnvironment {
  private readonly originalTimeZone = process.env.TZ;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.global.setDeviceTimeZone = (zone: string) => {
      process.env.TZ = zone;
      (this.global.process as NodeJS.Process).env.TZ = zone;
    };
  }

  override async teardown(): Promise<void> {
    if (this.originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = this.originalTimeZone;
    await super.teardown();
  }
}
