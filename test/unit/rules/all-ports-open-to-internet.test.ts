import rule from '../../../src/engine/rules/all-ports-open-to-internet';
import { fixesResolve } from '../fixes/fix-resolves';
import { narrowed, tfVariable } from '../helpers/narrowed';
import { ruleTester, type FlaggedCase } from '../rule-tester';
import { ARM_NSG_TEMPLATE, AZURE_NSG_RULES_TF, GCP_FIREWALLS_TF } from './fixtures/network';

const id = 'AUP-NET-002';

const labSg = `resource "aws_security_group" "lab" {
  name   = "lab"
  vpc_id = aws_vpc.lab.id

  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`;

const ruleResources = `resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "all_v6" {
  security_group_id = aws_security_group.app.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
`;

const openTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OpenSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: temporary debugging
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
`;

const nsgRules = `resource "azurerm_network_security_group" "jump" {
  name                = "jump-nsg"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  security_rule {
    name                       = "allow-ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "allow-https"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "sql" {
  name                        = "allow-sql"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_ranges     = ["1433", "3000-3400"]
  source_address_prefixes     = ["10.0.0.0/8", "0.0.0.0/0"]
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.db.name
}

resource "azurerm_network_security_rule" "anything" {
  name                        = "allow-all"
  priority                    = 4000
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.lab.name
}
`;

const firewalls = `resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.vpc.name

  allow {
    protocol = "tcp"
    ports    = ["22", "5432"]
  }

  allow {
    protocol = "icmp"
  }

  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["bastion"]
}

resource "google_compute_firewall" "lab" {
  name          = "allow-everything"
  network       = google_compute_network.lab.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }
}

resource "google_compute_firewall" "udp" {
  name          = "game-servers"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "udp"
  }
}
`;

const jumpNsgTemplate = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-09-01",
      "name": "jump-nsg",
      "location": "[resourceGroup().location]",
      "properties": {
        "securityRules": [
          {
            "name": "allow-rdp",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "3389",
              "sourceAddressPrefix": "Internet",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "allow-https",
            "properties": {
              "priority": 110,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "443",
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-09-01",
      "name": "jump-nsg/allow-everything",
      "properties": {
        "priority": 4000,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "*",
        "sourcePortRange": "*",
        "destinationPortRanges": ["*"],
        "sourceAddressPrefixes": ["0.0.0.0/0"],
        "destinationAddressPrefix": "*"
      }
    }
  ]
}
`;

// Blocks generated by `dynamic`: a literal protocol -1 opens everything whatever the iterator's ports.
const dynamicRules = `resource "aws_security_group" "debug" {
  name   = "debug"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.debug_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "google_compute_firewall" "lab" {
  name          = "lab-everything"
  network       = google_compute_network.lab.name
  source_ranges = ["0.0.0.0/0"]

  dynamic "allow" {
    for_each = var.lab_enabled ? [1] : []
    content {
      protocol = "all"
    }
  }
}
`;

const flagged: FlaggedCase[] = [
	{
		name: 'protocol -1 from everywhere in a Terraform security group',
		path: 'lab.tf',
		source: labSg,
		findings: [
			{
				ruleId: id, line: 8, character: 25, endLine: 8, endCharacter: 34, text: '0.0.0.0/0', message: 'aws_security_group.lab opens every port and protocol to the whole internet (0.0.0.0/0). Open only the ports the service needs, and the rest only to known sources (AUP section 3).',
				fixed: [narrowed(labSg, '["0.0.0.0/0"]', 'var.lab_allowed_cidrs', tfVariable('lab_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group.lab instead of the whole internet'))],
			},
			{
				ruleId: id, line: 9, character: 25, endLine: 9, endCharacter: 29, text: '::/0',
				fixed: [narrowed(labSg, '["::/0"]', 'var.lab_allowed_ipv6_cidrs', tfVariable('lab_allowed_ipv6_cidrs', 'list(string)', 'IPv6 source ranges (CIDR) allowed to reach aws_security_group.lab instead of the whole internet'))],
			},
		],
	},
	{
		name: 'every TCP port in a rule resource and all traffic in a VPC ingress rule',
		path: 'rules.tf',
		source: ruleResources,
		findings: [
			{
				ruleId: id, line: 5, character: 24, endLine: 5, endCharacter: 33, text: '0.0.0.0/0', message: /^aws_security_group_rule\.all_tcp opens every TCP port to the whole internet/,
				fixed: [narrowed(ruleResources, '["0.0.0.0/0"]', 'var.all_tcp_allowed_cidrs', tfVariable('all_tcp_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group_rule.all_tcp instead of the whole internet'))],
			},
			{
				ruleId: id, line: 11, character: 23, endLine: 11, endCharacter: 27, text: '::/0', message: /opens every port and protocol/,
				fixed: [narrowed(ruleResources, '"::/0"', 'var.all_v6_allowed_ipv6_cidr', tfVariable('all_v6_allowed_ipv6_cidr', 'string', 'IPv6 source range (CIDR) allowed to reach aws_vpc_security_group_ingress_rule.all_v6 instead of the whole internet'))],
			},
		],
	},
	{
		name: 'IpProtocol -1 in CloudFormation',
		path: 'sg.yaml',
		source: openTemplate,
		findings: [
			{
				ruleId: id, line: 9, character: 18, endLine: 9, endCharacter: 27, text: '0.0.0.0/0', message: /^AWS::EC2::SecurityGroup 'OpenSG' opens every port and protocol/,
				fixed: [narrowed(narrowed(openTemplate, 'CidrIp: 0.0.0.0/0', 'CidrIp: !Ref OpenSGAllowedCidr'), 'Resources:\n', `Parameters:
  OpenSGAllowedCidr:
    Type: String
    Description: "Source range (CIDR) allowed to reach AWS::EC2::SecurityGroup 'OpenSG' instead of the whole internet"
    AllowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/([1-9]|[12]\\d|3[0-2])$'
    ConstraintDescription: "An IPv4 range in CIDR notation other than 0.0.0.0/0, such as 203.0.113.0/24"
Resources:
`)],
			},
		],
	},
	{
		name: 'an Azure rule allowing every protocol and port from the Internet tag',
		path: 'nsg.tf',
		source: nsgRules,
		findings: [
			{
				ruleId: id, line: 52, character: 33, endLine: 52, endCharacter: 41, text: 'Internet', message: /^azurerm_network_security_rule\.anything opens every port and protocol to the whole internet \(Internet\)\./,
				fixed: [narrowed(nsgRules, 'source_address_prefix       = "Internet"', 'source_address_prefix       = var.anything_allowed_source_prefix', tfVariable('anything_allowed_source_prefix', 'string', 'Source address prefix (CIDR or service tag) allowed to reach azurerm_network_security_rule.anything instead of the whole internet'))],
			},
		],
	},
	{
		name: 'GCP firewalls allowing protocol all, and UDP without ports',
		path: 'firewall.tf',
		source: firewalls,
		findings: [
			{
				ruleId: id, line: 21, character: 20, endLine: 21, endCharacter: 29, text: '0.0.0.0/0', message: /^google_compute_firewall\.lab opens every port and protocol to the whole internet \(0\.0\.0\.0\/0\)\./,
				fixed: [narrowed(firewalls, 'direction     = "INGRESS"\n  source_ranges = ["0.0.0.0/0"]', 'direction     = "INGRESS"\n  source_ranges = var.lab_allowed_cidrs', tfVariable('lab_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach google_compute_firewall.lab instead of the whole internet'))],
			},
			{
				ruleId: id, line: 31, character: 20, endLine: 31, endCharacter: 29, text: '0.0.0.0/0', message: /^google_compute_firewall\.udp opens every UDP port to the whole internet/,
				fixed: [narrowed(firewalls, 'google_compute_network.vpc.name\n  source_ranges = ["0.0.0.0/0"]', 'google_compute_network.vpc.name\n  source_ranges = var.udp_allowed_cidrs', tfVariable('udp_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach google_compute_firewall.udp instead of the whole internet'))],
			},
		],
	},
	{
		name: 'an ARM security rule resource allowing every protocol and port from 0.0.0.0/0',
		path: 'azuredeploy.json',
		source: jumpNsgTemplate,
		findings: [
			{
				ruleId: id, line: 51, character: 35, endLine: 51, endCharacter: 44, text: '0.0.0.0/0', message: /^Microsoft\.Network\/networkSecurityGroups\/securityRules 'jump-nsg\/allow-everything' opens every port and protocol/,
				fixed: [narrowed(narrowed(jumpNsgTemplate, '"sourceAddressPrefixes": ["0.0.0.0/0"]', '"sourceAddressPrefixes": "[parameters(\'jumpNsgAllowEverythingAllowedSourcePrefixes\')]"'), '  "resources": [', `  "parameters": {
    "jumpNsgAllowEverythingAllowedSourcePrefixes": {
      "type": "array",
      "metadata": {
        "description": "Source address prefixes (CIDR or service tag) allowed to reach Microsoft.Network/networkSecurityGroups/securityRules 'jump-nsg/allow-everything' instead of the whole internet"
      }
    }
  },
  "resources": [`)],
			},
		],
	},
	{
		name: 'protocol -1 and protocol all in the content of dynamic ingress and allow blocks',
		path: 'dynamic.tf',
		source: dynamicRules,
		findings: [
			{
				ruleId: id, line: 10, character: 22, endLine: 10, endCharacter: 31, text: '0.0.0.0/0', message: /^aws_security_group\.debug opens every port and protocol to the whole internet/,
				fixed: [narrowed(dynamicRules, 'cidr_blocks = ["0.0.0.0/0"]', 'cidr_blocks = var.debug_allowed_cidrs', tfVariable('debug_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group.debug instead of the whole internet'))],
			},
			{
				ruleId: id, line: 18, character: 20, endLine: 18, endCharacter: 29, text: '0.0.0.0/0', message: /^google_compute_firewall\.lab opens every port and protocol to the whole internet/,
				fixed: [narrowed(dynamicRules, 'source_ranges = ["0.0.0.0/0"]', 'source_ranges = var.lab_allowed_cidrs', tfVariable('lab_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach google_compute_firewall.lab instead of the whole internet'))],
			},
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'dynamic blocks whose protocol or sources come from the iterator, and a dynamic egress',
			path: 'dynamic.tf',
			source: `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = 0
      to_port     = 65535
      protocol    = ingress.value.protocol
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = ingress.value.cidrs
    }
  }

  dynamic "egress" {
    for_each = [1]
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "google_compute_firewall" "lab" {
  name          = "lab"
  network       = google_compute_network.lab.name
  source_ranges = ["0.0.0.0/0"]

  dynamic "allow" {
    for_each = ["tcp", "udp"]
    content {
      protocol = allow.value
      ports    = ["443"]
    }
  }
}
`,
		},
		{
			name: 'all egress to the internet, and all ports from inside the VPC',
			path: 'app.tf',
			source: `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }

  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
		},
		{
			name: 'HTTPS and the ephemeral port range',
			path: 'lb.tf',
			source: `resource "aws_security_group_rule" "https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lb.id
}

resource "aws_security_group_rule" "ephemeral_udp" {
  type              = "ingress"
  from_port         = 32768
  to_port           = 65535
  protocol          = "udp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lb.id
}
`,
		},
		{
			name: 'CloudFormation egress to the world and all traffic from a prefix list',
			path: 'egress.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: "app tier; -1 from 0.0.0.0/0 is not allowed"
      SecurityGroupIngress:
        - IpProtocol: "-1"
          SourcePrefixListId: pl-0123456789abcdef0
      SecurityGroupEgress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
`,
		},
		{
			name: 'Azure rules on chosen ports, outbound, denied or from the virtual network',
			path: 'nsg.tf',
			source: AZURE_NSG_RULES_TF,
		},
		{
			name: 'GCP firewalls on chosen ports, egress, disabled and deny rules',
			path: 'firewall.tf',
			source: GCP_FIREWALLS_TF,
		},
		{
			name: 'ARM: SSH from a parameter, a deny rule and outbound traffic',
			path: 'azuredeploy.json',
			source: ARM_NSG_TEMPLATE,
		},
	],
});

fixesResolve(rule, flagged);
